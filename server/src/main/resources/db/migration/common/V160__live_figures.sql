-- Live figures (issue 8). A business's calls of today and of the last hour, read by dialed time.
create index call_record_business_dialed on call_record (business_id, dialing_at);

-- A campaign's ended calls since it began, kept as each call ends, so its abandon rate and
-- attempts per customer never recount millions of call records. One row per (campaign, slot);
-- readers sum the slots.
create table live_campaign_calls (
    campaign_id bigint   not null references campaign (id) on delete cascade,
    business_id bigint   not null references business (id),
    slot        smallint not null,
    dials       bigint   not null,
    contacts    bigint   not null,
    abandoned   bigint   not null,
    primary key (campaign_id, slot)
);

-- Calls that ended before the tally existed, counted once.
insert into live_campaign_calls (campaign_id, business_id, slot, dials, contacts, abandoned)
select campaign_id, business_id, 0, count(*),
       sum(case when result = 'SUCCESS' then 1 else 0 end),
       sum(case when result = 'ABANDONED' then 1 else 0 end)
from call_record where ended_at is not null
group by campaign_id, business_id;
