-- A recording the SIP adapter wrote (a 16-bit PCM WAV) is kept as its header and its samples in G.711 µ-law: half
-- the bytes, and nothing lost of audio that came in G.711. It is sent as the 16-bit WAV it was. The recordings kept
-- before stay as they were written (WAV); size_bytes stays the size of the WAV sent.
alter table call_recording add column audio_encoding varchar(5) not null default 'WAV';
alter table inbound_call_recording add column audio_encoding varchar(5) not null default 'WAV';
