-- How the audio of each call reached Outdial, the customer's and, while their phone was bridged to the customer, the
-- agent's (side CUSTOMER or AGENT): the RTP received, its RFC 3550 loss and interarrival jitter, and the mean opinion
-- score they give; kept as the call ends. A campaign's call or a queue call (the id is either's, so no foreign key);
-- read a call, or a page of calls, at a time.
create table call_quality (
    call_id           varchar(100)     not null,
    side              varchar(10)      not null,
    business_id       bigint           not null references business (id),
    packets_expected  bigint           not null,
    packets_lost      bigint           not null,
    jitter_mean_ms    double precision not null,
    jitter_max_ms     double precision not null,
    mean_opinion      double precision not null,
    primary key (call_id, side)
);
