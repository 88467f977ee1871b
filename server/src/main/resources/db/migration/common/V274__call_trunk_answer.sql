-- What the carrier's trunks answered each call Outdial placed through them: the final response to each of the call's
-- INVITEs, in the order they came (attempt 1, 2…: a challenge before the answer to the INVITE sent again with
-- credentials, a failed trunk before its backup's answer), its reason phrase and the Q.850 cause of its Reason header;
-- status 0 where a trunk answered nothing (reason says what happened instead). Kept as the call ends (kept_at); read a
-- call, or a page of calls, at a time, and a business's by time for the trunks' recent answers on the Hotlines page.
create table call_trunk_answer (
    call_id      varchar(100) not null,
    attempt      integer      not null,
    business_id  bigint       not null references business (id),
    trunk        varchar(300) not null,
    status       integer      not null,
    reason       varchar(300) not null,
    q850_cause   integer,
    kept_at      timestamp with time zone not null,
    primary key (call_id, attempt)
);
create index call_trunk_answer_by_time on call_trunk_answer (business_id, kept_at);
