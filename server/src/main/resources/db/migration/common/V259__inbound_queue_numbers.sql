-- The phone numbers (DIDs) whose incoming calls enter a queue over SIP. A carrier's INVITE carries only
-- the number dialed, so the number alone must say which business and queue the call is for: it is the
-- primary key, unique across every business, and each incoming call is routed by one read of that index.
-- number is E.164 ('+' and at most 15 digits). business_id is kept beside queue_id so the route needs
-- no join. Deleting a queue frees its numbers (on delete cascade); position keeps the admin's order.
create table inbound_queue_number (
    number      varchar(16) not null primary key,
    business_id bigint      not null,
    queue_id    bigint      not null references inbound_queue (id) on delete cascade,
    position    integer     not null
);

-- By queue for the cascade when a queue is deleted and for reading one queue; by business for the list of queues.
create index inbound_queue_number_queue on inbound_queue_number (queue_id);
create index inbound_queue_number_business on inbound_queue_number (business_id);
