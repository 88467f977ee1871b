-- Issue 18: call_record_business_dialed (V160, the live figures) and call_record_business_dialing (V150, the
-- reports) are the same index on (business_id, dialing_at): every call's insert, and every update of its record
-- that is not HOT, wrote an entry into both. The reports' name stays; the live figures read it too.
drop index if exists call_record_business_dialed;
