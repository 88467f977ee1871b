-- Issue 18: no query looks customers up by the import that added them (the import's duplicate count
-- reads the campaign by number), so this index only cost every imported row an entry.
drop index if exists campaign_customer_import;
