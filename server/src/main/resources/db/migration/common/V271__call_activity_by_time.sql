-- Reports sum the hold time of a period's calls: read from the period's holds (a few of its calls have any) rather
-- than probing each of the period's calls for steps.
create index call_activity_business_done on call_activity (business_id, done_at);
