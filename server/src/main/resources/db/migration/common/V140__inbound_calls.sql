-- Inbound calls (issue 7): each caller's wait in a queue, saved when they enter and at every step,
-- so the admin lists a queue's calls and sees the ones waiting now. No foreign key to the queue:
-- a call's record stays after its queue is deleted, like a ticket.
create table inbound_call (
    id               varchar(100) primary key,
    business_id      bigint       not null references business (id),
    queue_id         bigint       not null,
    caller_number    varchar(20)  not null,
    entered_at       timestamp with time zone not null,
    agent_id         bigint,
    agent_ringing_at timestamp with time zone,
    connected_at     timestamp with time zone,
    ended_at         timestamp with time zone,
    result           varchar(30),
    keys_pressed     varchar(4000) not null
);

-- A queue's calls newest first.
create index inbound_call_queue on inbound_call (business_id, queue_id, entered_at);
