-- The dialer's queries on campaign customers: claims look for unclaimed customers of a campaign
-- (fresh ones in the order added, others by their next attempt), the lease sweep for lapsed
-- leases, and the pacing loop for the next customer to become due.
create index campaign_customer_lease on campaign_customer (campaign_id, lease_until);
create index campaign_customer_due on campaign_customer (campaign_id, next_attempt_at);
create index campaign_customer_fresh on campaign_customer (campaign_id, progress, added_at, id);
