-- As V265 for campaigns' recordings: a part of a recording is read from the TOAST chunks it lies in.
alter table inbound_call_recording alter column content set storage external;
