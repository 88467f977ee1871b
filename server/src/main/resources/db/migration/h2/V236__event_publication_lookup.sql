-- Completing a publication looks it up by listener and serialized event (Spring Modulith's H2 schema).
create index event_publication_by_listener_and_event on event_publication (listener_id, serialized_event);
