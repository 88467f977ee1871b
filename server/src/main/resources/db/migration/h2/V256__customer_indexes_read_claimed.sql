-- Issue 18 (see V255): the claimed customers of a campaign are found by claimed, not by lease_until. H2 has no
-- partial indexes, so this one holds every customer; the lease index of V51 is no longer read.
drop index if exists campaign_customer_lease;
create index campaign_customer_claimed on campaign_customer (campaign_id, claimed);
