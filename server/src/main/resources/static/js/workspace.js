// The execution screen follows the agent's event stream: each event fetches the fragment it changes
// (the customer card, the call panel, the wrap-up timer), so the server alone decides what is shown.
(function () {
  const root = document.getElementById('workspace');
  if (!root) {
    return;
  }
  const base = root.dataset.base;
  const notice = document.getElementById('notice');
  let lastCall = null;

  // An event may come while the screen is being opened: its fragment is loaded once the screen is in.
  const pending = {};
  const load = (url, target) => {
    if (document.querySelector(target)) {
      htmx.ajax('GET', url, {source: target, target: target, swap: 'innerHTML'});
    } else {
      pending[target] = url;
    }
  };
  document.body.addEventListener('htmx:afterSettle', () => Object.keys(pending).forEach(target => {
    if (document.querySelector(target)) {
      const url = pending[target];
      delete pending[target];
      load(url, target);
    }
  }));
  const customerUrl = event => `${base}/campaigns/${event.campaignId}/customers/${event.customerId}`;
  const callUrl = callId => `${base}/calls/${encodeURIComponent(callId)}`;

  const stream = new EventSource(root.dataset.events);
  const on = (name, handle) => stream.addEventListener(name, message => handle(JSON.parse(message.data)));
  const clearPhone = () => { const phone = document.getElementById('phone'); if (phone) phone.innerHTML = ''; };
  // A new customer or call means the last wrap-up is over: its timer and button must not linger.
  const clearWrapUp = () => { const wrapUp = document.getElementById('wrap-up'); if (wrapUp) wrapUp.innerHTML = ''; };
  on('customer-offered', offer => { lastCall = null; clearWrapUp(); load(customerUrl(offer)
      + (offer.dialsAt ? `?dialsAt=${encodeURIComponent(offer.dialsAt)}` : ''), '#customer'); });
  on('offer-withdrawn', () => ['customer', 'call'].forEach(id => {
    const panel = document.getElementById(id);
    if (panel) panel.innerHTML = '';
  }));
  on('call-placed', call => { lastCall = call.callId; clearPhone(); clearWrapUp(); load(customerUrl(call), '#customer'); load(callUrl(call.callId), '#call'); });
  on('call-answered', call => { lastCall = call.callId; clearPhone(); clearWrapUp(); load(callUrl(call.callId), '#call'); });
  on('call-ringing', () => {
    clearWrapUp();
    if (lastCall) {
      load(callUrl(lastCall) + '?ringing=true', '#call');
    } else {
      // No call placed for the agent: a waiting customer offered to them (predictive) fills the call
      // panel; otherwise a queue call or an auto callback, which calls the agent before the customer,
      // rings, and the server answers with the phone panel instead.
      load(`${base}/calls/ringing`, '#call');
    }
  });
  // Whether the agent's phone rings is the server's word: the panel shows Answer only while it does.
  on('ringing-stopped', () => {
    if (lastCall) {
      load(callUrl(lastCall), '#call');
    } else {
      clearPhone();
    }
  });
  // A queue call rung for the agent: who calls, into which queue, and where the call stands. Text only (no markup
  // from the event), the labels in the page's language from its data attributes.
  on('queue-call', call => {
    const card = document.getElementById('queue-call');
    if (!card) {
      return;
    }
    const label = {AGENT_RINGING: card.dataset.ringing, TALKING: card.dataset.talking, ENDED: card.dataset.ended}[call.state];
    card.hidden = !label;
    card.dataset.state = call.state;
    card.dataset.call = call.callId || '';
    card.querySelector('.queue-call-state').textContent = label || '';
    card.querySelector('.queue-call-caller').textContent = call.callerNumber;
    card.querySelector('.queue-call-queue').textContent = call.queue;
    const hangUp = card.querySelector('#queue-call-hang-up');
    if (hangUp) {
      hangUp.hidden = call.state !== 'TALKING';
    }
    // While they talk: the hold button, whether the call is being recorded, and the button to pause or resume it.
    if (call.state === 'TALKING' && call.callId) {
      load(`${base}/queue-calls/${encodeURIComponent(call.callId)}/controls`, '#queue-call-controls');
    } else {
      card.querySelector('#queue-call-controls').innerHTML = '';
    }
  });
  // The call was held or taken off hold, or its recording paused or resumed, elsewhere (the agent's phone, the API):
  // the card of that call, campaign's or queue's, is shown again.
  on('call-changed', changed => {
    const panel = document.getElementById('call-panel');
    if (panel && panel.dataset.call === changed.callId) {
      load(callUrl(changed.callId), '#call');
    }
    const card = document.getElementById('queue-call');
    if (card && card.dataset.call === changed.callId && card.dataset.state === 'TALKING') {
      load(`${base}/queue-calls/${encodeURIComponent(changed.callId)}/controls`, '#queue-call-controls');
    }
  });
  on('call-ended', call => {
    lastCall = null;
    load(callUrl(call.callId), '#call');
    htmx.trigger(document.body, 'customer-changed');
  });
  // Real calls: the agent's phone registered or not, or telephony set them Not available (the reason shown).
  const reloadState = reason => htmx.ajax('GET', `${base}/state` + (reason ? `?reason=${encodeURIComponent(reason)}` : ''),
      {source: '#state', target: '#state', swap: 'outerHTML'});
  on('phone-registration', () => reloadState(null));
  on('agent-state', change => reloadState(change.reason));
  on('wrap-up', wrapUp => load(`${base}/wrap-up?until=${encodeURIComponent(wrapUp.until)}`, '#wrap-up'));

  // Countdowns (preview, wrap-up) count down to the instant the server gave.
  setInterval(() => document.querySelectorAll('[data-countdown-until]').forEach(counter => {
    const left = Math.max(0, Math.ceil((Date.parse(counter.dataset.countdownUntil) - Date.now()) / 1000));
    counter.textContent = String(left);
  }), 250);

  // A new action clears the last refusal.
  document.body.addEventListener('htmx:beforeRequest', event => {
    if (event.detail.requestConfig && event.detail.requestConfig.verb !== 'get') {
      notice.textContent = '';
    }
  });
  window.addEventListener('beforeunload', () => stream.close());
})();
