-- The lists' history (issue 18): a number taken off the blacklist or the DNC list keeps when it
-- was listed and when it was removed, so the audit can tell whether a call dialed it while listed.
-- Numbers still listed keep their listing time in blocked_number.created_at.
create table blocked_number_removal (
    business_id bigint       not null references business (id),
    kind        varchar(10)  not null,
    number      varchar(16)  not null,
    listed_at   timestamp with time zone not null,
    removed_at  timestamp with time zone not null
);

create index blocked_number_removal_number on blocked_number_removal (business_id, number);
