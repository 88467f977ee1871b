-- A delivered or failed delivery has no next attempt: the column is cleared when it settles, so a
-- reader never sees a stale time for a send that will not happen.
alter table webhook_delivery alter column next_attempt_at drop not null;
update webhook_delivery set next_attempt_at = null where status <> 'PENDING';
