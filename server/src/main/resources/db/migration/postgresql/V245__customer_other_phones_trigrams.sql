-- Issue 18: a phone search matches a customer's other numbers too ("phone = :number or other_phones like
-- '%number%'", and a fragment of digits anywhere in either). With other_phones unindexed, that "or" made
-- PostgreSQL read the whole campaign for every phone search: 1.6 s for one whole number at ten million
-- customers. A trigram index here lets both sides of the "or" be read from indexes (a bitmap "or").
do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create index if not exists campaign_customer_other_phones_trgm on campaign_customer
            using gin (other_phones gin_trgm_ops);
    end if;
end
$$;
