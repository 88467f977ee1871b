-- Issue 18: what a live node writes per dial attempt, per table (pg_stat_user_tables over a two-minute run,
-- bench/README.md, seventh session): the call record is inserted once and updated twice (its steps saved
-- together, then its end), and only 0.04-0.53 of those 2.1-2.2 updates an attempt were HOT, so the others wrote
-- a new entry into all of the record's indexes. Two reasons, both mended here.

-- 1. The open calls were indexed on (business_id, ended_at): a call's end changes an indexed column, so its
--    update can never be HOT, and the index kept an entry for every call ever ended, though it is only read for
--    calls still open (the contract's count under the pacer lease, the live view's open calls, a campaign's
--    open calls, the campaigns with open calls after a crash). Partial, it holds the open calls alone: the end's
--    new row version is left out of it, and the count reads a few entries however many calls the business made.
drop index if exists call_record_business_open;
create index call_record_open on call_record (business_id, campaign_id) where ended_at is null;

-- 2. A record's steps (ringing, answered, the agent rung, connected) change no indexed column, yet their update
--    was not HOT: records are appended, so the page a record was inserted into is full by the time its steps
--    are saved a second later, and the new version goes to another page with a new entry in every index. Pages
--    filled to 70 % keep room for a record's later versions; a HOT update writes no index entry. The fill factor
--    applies to pages written from now on: call records are only appended, so it takes hold at once.
alter table call_record set (fillfactor = 70);

