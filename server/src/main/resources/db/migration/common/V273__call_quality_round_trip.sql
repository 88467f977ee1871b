-- The mean round trip between Outdial and the side's far end, as their RTCP reports measured it (RFC 3550 §6.4.1), in
-- milliseconds; null where the far end sent no RTCP that could, as on every call kept before.
alter table call_quality add column round_trip_ms double precision;
