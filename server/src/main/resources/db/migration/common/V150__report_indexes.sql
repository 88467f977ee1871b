-- Reports (issue 8) read a business's calls, and the customers its agents received, over a range of
-- days across all campaigns: one range scan each instead of a scan per campaign.
create index call_record_business_dialing on call_record (business_id, dialing_at);
create index agent_receipt_campaign_day on agent_receipt (campaign_id, received_at);
