-- Call recordings: a campaign may record the calls its customers answer (real calls: the simulated carrier has no
-- audio). A recording is kept with its call's record, as a two-channel WAV (the customer; what they heard), written
-- once when the call ends; a business's recordings are listed by campaign, newest first.
alter table campaign add column record_calls boolean not null default false;

create table call_recording (
    call_id       varchar(100) primary key references call_record (id) on delete cascade,
    business_id   bigint       not null references business (id),
    campaign_id   bigint       not null,
    length_millis bigint       not null,
    size_bytes    bigint       not null,
    content       bytea        not null,
    recorded_at   timestamp with time zone not null
);

create index call_recording_campaign on call_recording (business_id, campaign_id, recorded_at);
