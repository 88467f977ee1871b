-- A hotline's former numbers, each with when it was given up (SPEC §2: failures are recorded per hotline). A call
-- keeps the number it went out under; a failure reported after the hotline was renumbered is still counted on it.
create table hotline_former_number (
    hotline_id  bigint      not null references hotline (id) on delete cascade,
    business_id bigint      not null,
    number      varchar(16) not null,
    replaced_at timestamp with time zone not null
);

create index hotline_former_number_lookup on hotline_former_number (business_id, number, replaced_at);
create index hotline_former_number_hotline on hotline_former_number (hotline_id);
