-- V255's column has no statistics until autovacuum analyzes the table, and until then the planner takes a
-- tenth of the customers for claimed (260,000 of ten million): the lapsed-lease sweep, run every few seconds,
-- was planned at a cost that turned on JIT compilation for each run. Its statistics are gathered here, once
-- (a sample of the table: under a second for ten million customers).
analyze campaign_customer (claimed);
