-- One pacer per business across nodes (ARCHITECTURE §7): the node whose lease is live runs the
-- business's dialer, and so its contract limit is counted by one node only. The owner renews its
-- lease on a heartbeat; another node takes the row over once it lapses.
create table dialer_lease (
    business_id bigint primary key references business (id) on delete cascade,
    owner       varchar(64) not null,
    lease_until timestamp with time zone not null
);
