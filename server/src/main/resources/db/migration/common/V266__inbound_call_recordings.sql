-- A queue may record its calls as a campaign does (V263), from the moment an agent takes the caller to the call's
-- end, and keep them a number of days (V264). A recording is kept with its inbound call's record, as a two-channel
-- WAV written once the call ends; a business's recordings are listed by queue, newest first.
alter table inbound_queue add column record_calls boolean not null default false;
alter table inbound_queue add column recording_retention_days integer;

create table inbound_call_recording (
    call_id       varchar(100) primary key references inbound_call (id) on delete cascade,
    business_id   bigint       not null references business (id),
    queue_id      bigint       not null,
    length_millis bigint       not null,
    size_bytes    bigint       not null,
    content       bytea        not null,
    recorded_at   timestamp with time zone not null
);

create index inbound_call_recording_queue on inbound_call_recording (business_id, queue_id, recorded_at);
