-- Agents' presence across nodes (issue 14, item 4): the node an agent works against now, renewed
-- on that node's heartbeat while the agent is present there. A node dials only for agents whose
-- presence it has itself seen renewed lately: an agent who moved to another node (after a
-- failover) or a node that froze past the presence lease is not dialed for.
create table agent_presence (
    agent_id   bigint primary key,
    node       varchar(64) not null,
    renewed_at timestamp with time zone not null
);
