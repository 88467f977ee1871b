-- How many days a campaign keeps its call recordings (null: until the campaign is deleted); older ones are deleted.
alter table campaign add column recording_retention_days integer;
