-- Issue 18 (see V255): the indexes that asked whether a customer is claimed read claimed, not lease_until.

-- The free customers of a campaign in the order a claim takes them (V215), with the same condition.
drop index if exists campaign_customer_claim_queue;
create index campaign_customer_claim_queue on campaign_customer
    (campaign_id, progress, next_attempt_at nulls first, added_at, id)
    where claimed = false and held_pause = false and held_blacklist = false and held_dnc = false;

-- The claimed customers of a campaign, for the lapsed-lease sweep and isExhausted (V246): a few hundred rows
-- at most per campaign, whose lease_until the sweep reads from the rows themselves.
drop index if exists campaign_customer_lease;
create index campaign_customer_claimed on campaign_customer (campaign_id) where claimed;
