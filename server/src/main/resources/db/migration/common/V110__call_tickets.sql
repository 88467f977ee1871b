-- Ticket per call (SPEC §5): a ticket names the call it came from, whose ids are text (the
-- carrier's), and a call record names the ticket it created (SPEC §4.4 "…, ticket").
alter table ticket alter column call_id set data type varchar(100);
alter table call_record add column ticket_id bigint;
