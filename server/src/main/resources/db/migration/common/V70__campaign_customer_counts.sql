-- Maintained counts of a campaign's customers (SPEC §6 progress), so the pie chart never counts
-- ten million rows. One row per (campaign, shown status, classification or last result, slot):
-- every write that moves a customer adds -1 and +1 in its own transaction. The slot (customer id
-- modulo 8) spreads one busy key over eight rows so concurrent calls rarely wait on each other;
-- readers sum the slots, so a single slot may go negative.
create table campaign_customer_count (
    campaign_id       bigint      not null references campaign (id) on delete cascade,
    status            varchar(20) not null,
    classification_id bigint      not null,
    last_result       varchar(20) not null,
    slot              smallint    not null,
    customers         bigint      not null,
    primary key (campaign_id, status, classification_id, last_result, slot)
);

-- Customers added before the counters existed, counted once under the keys CountKey gives: a
-- business-side error under the retry limit (CampaignRules.ERROR_RETRY_LIMIT, 3) is still to be
-- retried, and only a reached call (result SUCCESS) carries the agent's classification.
insert into campaign_customer_count (campaign_id, status, classification_id, last_result, slot, customers)
select campaign_id, counted_status, counted_classification, counted_result, slot, count(*)
from (select campaign_id,
             case when status = 'ERROR' and last_result in ('HOTLINE_ERROR', 'NETWORK_ERROR', 'AGENT_TIMEOUT')
                       and business_errors <= 3 then 'ERROR_RETRY' else status end as counted_status,
             case when last_result = 'SUCCESS' then coalesce(classification_id, 0) else 0 end as counted_classification,
             coalesce(last_result, 'NONE') as counted_result,
             mod(id, 8) as slot
      from campaign_customer) customers
group by campaign_id, counted_status, counted_classification, counted_result, slot;
