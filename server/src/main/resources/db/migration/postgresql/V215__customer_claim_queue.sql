-- Issue 18: a claim asks for the first free customers of one tier of the dialing order (NEW, due
-- retries, callbacks, error retries: JdbcCustomerStore), in the order next_attempt_at nulls first,
-- added_at, id. This index serves that order for each tier, and holds only the customers a claim may
-- take (no hold, no claim), so a claim reads its first rows however large the campaign, and never walks
-- past the customers on calls. Before, one query ordered by the tier's CASE found and sorted every
-- eligible customer of the campaign at each claim.
create index campaign_customer_claim_queue on campaign_customer
    (campaign_id, progress, next_attempt_at nulls first, added_at, id)
    where lease_until is null and held_pause = false and held_blacklist = false and held_dnc = false;
