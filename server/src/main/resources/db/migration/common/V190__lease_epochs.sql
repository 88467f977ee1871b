-- Fencing (issue 14): every take of a business's pacer lease by a node that did not hold it counts
-- up its epoch, and every call start checks, in the transaction that records the call open, that
-- its node still holds the lease at the epoch it dials under. A node paused past its lease (a long
-- GC, a frozen VM) so cannot start a call once another node took over, even before it notices.
-- A lease given up keeps its row (lapsed at once), so epochs never start again from 1.
alter table dialer_lease add column epoch bigint default 1 not null;

-- Which node started the call, under which epoch of its business's lease: what the audit and an
-- operator read after a failover.
alter table call_record add column node varchar(64);
alter table call_record add column lease_epoch bigint;
