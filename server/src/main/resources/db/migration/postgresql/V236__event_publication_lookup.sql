-- Completing a publication looks it up by its serialized event: a hash index, as Spring Modulith's own
-- PostgreSQL schema has, since a B-tree refuses entries past about 2.7 kB.
create index event_publication_by_serialized_event on event_publication using hash (serialized_event);
