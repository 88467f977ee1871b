-- The customer list searches names and numbers with wildcards anywhere ("Nguy*An", "0912*"), which a
-- b-tree cannot serve: on a million customers each such search scanned the campaign. Trigram
-- indexes serve LIKE patterns with a leading wildcard. pg_trgm is a trusted extension (PostgreSQL 13+),
-- so a database owner may create it; where the role still may not, the list keeps working unindexed.
do $$
begin
    create extension if not exists pg_trgm;
exception when insufficient_privilege then
    raise notice 'pg_trgm not created (insufficient privilege): customer searches will scan';
end
$$;

do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create index if not exists campaign_customer_name_trgm on campaign_customer using gin (lower(name) gin_trgm_ops);
        create index if not exists campaign_customer_phone_trgm on campaign_customer using gin (phone gin_trgm_ops);
    end if;
end
$$;

-- Statistics of lower(name) exist only once the expression index is analyzed; without them the
-- planner guesses, and may read the whole index for a pattern that matches every customer.
analyze campaign_customer;
