-- The audio a campaign that tells answering machines apart leaves on them once their greeting is over
-- (null: a machine is hung up on).
alter table campaign add column voicemail_message_id bigint;
