-- Who ended an answered call (CallEnd): the customer or the agent hanging up, the network losing either's line, or
-- the platform. Null for a call never answered, and for calls ended before it was kept.
alter table call_record add column how_ended varchar(24);
