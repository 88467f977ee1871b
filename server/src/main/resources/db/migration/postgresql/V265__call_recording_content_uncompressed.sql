-- A recording is read a part at a time (a player seeking, a download streamed): stored out of line uncompressed, a
-- part is read from the TOAST chunks it lies in; compressed, every read would decompress the whole recording first.
-- PCM audio gains little from pglz. Recordings kept before this keep their storage and are still read the same way.
alter table call_recording alter column content set storage external;
