-- Issue 18: a node renews the lease of every customer it holds every ten seconds (a third of the 30 s lease),
-- for as long as the customer is claimed: a real call of 20 s of ringing and three minutes of talk is renewed
-- some twenty times. The claim queue's condition and the lease index both named lease_until, so each renewal
-- changed an indexed column and could not be a HOT update: it wrote a new entry into every one of the table's
-- fourteen indexes, its two trigram indexes among them. Whether a customer is claimed now has a column of its
-- own, which the indexes read instead; lease_until, renewed, is read by none, so a renewal writes no index.
alter table campaign_customer add column claimed boolean default false not null;
update campaign_customer set claimed = true where lease_until is not null;
-- The one writer (CustomerStateRepository) sets both together; the database holds them to it.
alter table campaign_customer add constraint campaign_customer_claimed_while_leased
    check (claimed = (lease_until is not null));
