-- A hold put on or taken off by the agent's phone itself (its own Hold button), not through Outdial: the two are
-- separate holds (Outdial cannot take off the phone's), and the customer is on hold while either is on.
alter table call_activity add column by_phone boolean default false not null;
