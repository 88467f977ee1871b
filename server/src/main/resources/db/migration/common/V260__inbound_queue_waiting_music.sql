-- A queue's waiting music, looped to each caller while they wait: a caller who hears silence thinks
-- the line is dead and hangs up. Null: no music. Like notification_audio_id (V92) it references the
-- file, so the database, not only the application's check before a deletion, keeps a queue from
-- playing a file that is gone.
alter table inbound_queue add column waiting_music_audio_id bigint references audio_file (id);
