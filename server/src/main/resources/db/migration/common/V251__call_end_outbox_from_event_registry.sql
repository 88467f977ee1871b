-- Call ends the event publication registry still held for the five call-end listeners (stored, not yet
-- completed) move to the call-end outbox under their handlers' names, in the registry's own
-- serialization, which the outbox keeps: nothing stored before the upgrade is stranded.
insert into call_end_outbox (handler, event, stored_at, attempts, next_try_at)
select case
           when listener_id like 'dev.outdial.live.internal.CampaignCallTally.%' then 'live-tally'
           when listener_id like 'dev.outdial.webhook.internal.CallWebhooks.%' then 'webhooks'
           when listener_id like 'dev.outdial.dialing.internal.HotlineFailures.%' then 'hotline-failures'
           when listener_id like 'dev.outdial.dialing.internal.AutocallTickets.%' then 'autocall-tickets'
           else 'call-tickets'
       end,
       serialized_event, publication_date, 0, publication_date
from event_publication
where event_type = 'dev.outdial.call.CallEnded' and completion_date is null
  and (listener_id like 'dev.outdial.live.internal.CampaignCallTally.%'
       or listener_id like 'dev.outdial.webhook.internal.CallWebhooks.%'
       or listener_id like 'dev.outdial.dialing.internal.HotlineFailures.%'
       or listener_id like 'dev.outdial.dialing.internal.AutocallTickets.%'
       or listener_id like 'dev.outdial.dialing.internal.CallTickets.%');

delete from event_publication
where event_type = 'dev.outdial.call.CallEnded' and completion_date is null
  and (listener_id like 'dev.outdial.live.internal.CampaignCallTally.%'
       or listener_id like 'dev.outdial.webhook.internal.CallWebhooks.%'
       or listener_id like 'dev.outdial.dialing.internal.HotlineFailures.%'
       or listener_id like 'dev.outdial.dialing.internal.AutocallTickets.%'
       or listener_id like 'dev.outdial.dialing.internal.CallTickets.%');
