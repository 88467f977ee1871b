-- A page session remembers the stamp its user had at sign-in; every request compares it with this
-- one. Disabling a user, changing their role, e-mail or password moves the stamp on, which ends
-- every session they hold, on every node (the sessions themselves live in each node's memory).
alter table app_user add column session_stamp integer not null default 0;
