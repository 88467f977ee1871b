// Live figures: each [data-live-stream] element follows its Server-Sent Events stream and fills its
// [data-field] elements (a path into the figures' JSON), formatted for the page's language. The
// browser's EventSource reconnects by itself; the page says so while it does.
(function () {
  'use strict';

  function start(root) {
    if (root.dataset.liveStarted) {
      return;
    }
    root.dataset.liveStarted = 'true';
    var lang = document.documentElement.lang || 'en';
    // The business's time zone: times read as the contact center reads its schedules.
    var zoneElement = root.querySelector('.live-zone');
    var zone = zoneElement && zoneElement.textContent.trim() || undefined;
    var formats = {
      number: new Intl.NumberFormat(lang, {maximumFractionDigits: 0}),
      decimal: new Intl.NumberFormat(lang, {minimumFractionDigits: 2, maximumFractionDigits: 2}),
      percent: new Intl.NumberFormat(lang, {style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1}),
      when: new Intl.DateTimeFormat(lang, {dateStyle: 'medium', timeStyle: 'short', timeZone: zone}),
      clock: new Intl.DateTimeFormat(lang, {timeStyle: 'medium', timeZone: zone})
    };

    function at(figures, path) {
      return path.split('.').reduce(function (value, key) {
        return value == null ? null : value[key];
      }, figures);
    }

    function format(value, kind) {
      if (kind === 'completion') {
        if (!value) {
          return '–';
        }
        if (value.state === 'DONE') {
          return root.dataset.done;
        }
        return value.state === 'ESTIMATED' ? formats.when.format(new Date(value.estimatedAt)) : root.dataset.unknown;
      }
      if (value == null) {
        return '–';
      }
      if (kind === 'clock') {
        return formats.clock.format(new Date(value));
      }
      return (formats[kind] || formats.number).format(value);
    }

    function fill(scope, figures) {
      scope.querySelectorAll('[data-field]').forEach(function (element) {
        element.textContent = format(at(figures, element.dataset.field), element.dataset.format);
      });
    }

    function cell(row, text, numeric) {
      var td = document.createElement('td');
      td.textContent = text;
      if (numeric) {
        td.className = 'num';
      }
      row.appendChild(td);
      return td;
    }

    function campaignRows(campaigns) {
      var body = root.querySelector('#live-campaigns');
      if (!body || !campaigns) {
        return;
      }
      root.classList.toggle('has-campaigns', campaigns.length > 0);
      var rows = document.createDocumentFragment();
      campaigns.forEach(function (campaign) {
        var row = document.createElement('tr');
        row.id = 'live-campaign-' + campaign.campaignId;
        var link = document.createElement('a');
        link.href = root.dataset.campaignUrl + campaign.campaignId;
        link.textContent = campaign.campaignName;
        cell(row, '').appendChild(link);
        cell(row, root.dataset['status' + campaign.status.charAt(0) + campaign.status.slice(1).toLowerCase()] || campaign.status);
        cell(row, format(campaign.calls.total), true).dataset.cell = 'calls';
        cell(row, format(campaign.agents.onCall), true);
        cell(row, format(campaign.agents.available), true);
        cell(row, format(campaign.lastHour.dials), true);
        cell(row, format(campaign.abandonRate.today, 'percent'), true);
        cell(row, format(campaign.completion.remaining), true);
        cell(row, format(campaign.completion, 'completion'));
        rows.appendChild(row);
      });
      body.replaceChildren(rows);
    }

    var source = new EventSource(root.dataset.liveStream);
    source.addEventListener('live', function (event) {
      var figures = JSON.parse(event.data);
      root.classList.remove('stale');
      fill(root, figures);
      campaignRows(figures.campaigns);
      root.dispatchEvent(new CustomEvent('live-updated', {detail: figures}));
    });
    source.onerror = function () {
      root.classList.add('stale');
    };
    // Leaving the page closes the stream at once instead of when the server next writes to it.
    window.addEventListener('pagehide', function () {
      source.close();
    });
  }

  function startAll() {
    document.querySelectorAll('[data-live-stream]').forEach(start);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', startAll);
  } else {
    startAll();
  }
})();
