-- Issue 18: a million-row import is bound by PostgreSQL writing each new row's index entries and
-- checking its foreign keys, one row at a time on one core. What each index here is read by, and why a
-- new customer (no claim, no next attempt, usually one number) no longer writes an entry into it:

-- The claim queue (V215) holds the free customers of a campaign in (campaign_id, progress, ...) order and
-- serves every query that filters on progress (the claim's tiers, isExhausted, nextDueAfter: each also
-- asks for no claim and no hold, the queue's condition). This older index served the claim before it;
-- nothing reads it any more.
drop index if exists campaign_customer_fresh;

-- Read only for customers that are claimed: the lapsed-lease sweep and its campaigns (lease_until <= now)
-- and isExhausted (lease_until is not null). Each condition implies the index's, so the queries keep it;
-- the sweep across campaigns reads a handful of entries instead of every customer's.
drop index if exists campaign_customer_lease;
create index campaign_customer_lease on campaign_customer (campaign_id, lease_until) where lease_until is not null;

-- Read only for customers with a next attempt: the claim's due tiers (next_attempt_at <= now) and the
-- pacing loop's next due time (next_attempt_at > now); a customer never called has none.
drop index if exists campaign_customer_due;
create index campaign_customer_due on campaign_customer (campaign_id, next_attempt_at) where next_attempt_at is not null;

-- A phone search matches other numbers with other_phones like '%...%', which is never true of a NULL:
-- only customers with more than one number need an entry (a GIN index otherwise stores one for NULL).
do $$
begin
    if exists (select 1 from pg_indexes where indexname = 'campaign_customer_other_phones_trgm') then
        drop index campaign_customer_other_phones_trgm;
        create index campaign_customer_other_phones_trgm on campaign_customer
            using gin (other_phones gin_trgm_ops) where other_phones is not null;
    end if;
end
$$;

-- A customer's business and campaign were two foreign keys, two look-ups for every row written (a third
-- of an import's time with no index at all). One key on the pair checks both at once, and also that the
-- customer's business is its campaign's.
alter table campaign add constraint campaign_business_id_id_key unique (business_id, id);
alter table campaign_customer
    drop constraint campaign_customer_business_id_fkey,
    drop constraint campaign_customer_campaign_id_fkey,
    add constraint campaign_customer_campaign_fkey foreign key (business_id, campaign_id)
        references campaign (business_id, id) on delete cascade;
