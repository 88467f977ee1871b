-- Who ended a queue call (CallEnd): the caller or the agent hanging up, either's line lost, or the platform (the
-- maximum wait, a callback's notification played). Null for calls ended before it was kept.
alter table inbound_call add column how_ended varchar(24);
