-- A number's call history in a campaign (the customers tab links each phone number to it, issue 8).
create index call_record_campaign_number on call_record (campaign_id, dialed_number, dialing_at);
