-- Call ends the event publication registry still held for the five call-end listeners (stored, not yet
-- completed) move to the call-end outbox under their handlers' names, in the registry's own
-- serialization, which the outbox keeps: nothing stored before the upgrade is stranded.
insert into call_end_outbox (handler, event, stored_at, attempts, next_try_at)
select handler, serialized_event, publication_date, 0, publication_date
from (select case listener_id
                 when 'dev.outdial.live.internal.CampaignCallTally.on(dev.outdial.call.CallEnded)' then 'live-tally'
                 when 'dev.outdial.webhook.internal.CallWebhooks.on(dev.outdial.call.CallEnded)' then 'webhooks'
                 when 'dev.outdial.dialing.internal.HotlineFailures.on(dev.outdial.call.CallEnded)' then 'hotline-failures'
                 when 'dev.outdial.dialing.internal.AutocallTickets.on(dev.outdial.call.CallEnded)' then 'autocall-tickets'
                 when 'dev.outdial.dialing.internal.CallTickets.on(dev.outdial.call.CallEnded)' then 'call-tickets'
             end as handler, serialized_event, publication_date
      from event_publication
      where event_type = 'dev.outdial.call.CallEnded' and completion_date is null) held
where handler is not null;

delete from event_publication
where event_type = 'dev.outdial.call.CallEnded' and completion_date is null
  and listener_id in (select 'dev.outdial.' || listener || '.on(dev.outdial.call.CallEnded)'
                      from (values ('live.internal.CampaignCallTally'), ('webhook.internal.CallWebhooks'),
                                   ('dialing.internal.HotlineFailures'), ('dialing.internal.AutocallTickets'),
                                   ('dialing.internal.CallTickets')) moved (listener));
