/**
 * The status page script, part 2 of 3: builds one card per endpoint (head,
 * delivery figures, chart slot, a table of its checks) and fills the cells
 * from a model. Rebuilt only when the set of endpoints or checks changes,
 * so focus and tooltips survive refreshes.
 */
export const CLIENT_RENDER = String.raw`
  function build(model) {
    Object.keys(cards).forEach(function (n) { if (cards[n].plot) cards[n].plot.destroy(); });
    cards = {};
    root.textContent = '';
    model.endpoints.forEach(function (ep, i) {
      var c = { rows: {}, plot: null };
      var card = el('section', 'card');
      card.setAttribute('aria-labelledby', 'ep-' + i);
      card.setAttribute('data-endpoint', ep.name);
      var head = el('div', 'card-head');
      var h = el('h2', null, ep.name);
      h.id = 'ep-' + i;
      c.badge = el('span');
      head.appendChild(h);
      head.appendChild(c.badge);
      if (ep.dashboard) {
        var a = el('a', 'dash', 'Grafana dashboard');
        a.href = ep.dashboard;
        a.rel = 'noopener';
        head.appendChild(a);
      }
      card.appendChild(head);
      var overview = el('div', 'overview');
      c.overview = overview;
      c.delivery = el('dl', 'delivery');
      c.delivery.setAttribute('aria-label', 'Deliveries of ' + ep.name);
      overview.appendChild(c.delivery);
      var fig = el('figure', 'latency');
      c.caption = el('figcaption');
      fig.appendChild(c.caption);
      c.chart = el('div', 'chart');
      c.chart.setAttribute('role', 'img');
      fig.appendChild(c.chart);
      overview.appendChild(fig);
      card.appendChild(overview);
      var table = el('table', 'checks');
      var cap = el('caption', 'sr-only', 'Checks of ' + ep.name);
      table.appendChild(cap);
      var thead = el('thead');
      var hr = el('tr');
      ['Check', 'State', 'Uptime 1 h', 'Uptime 24 h', 'Recent probes', 'Last probe'].forEach(function (t) {
        var th = el('th', null, t);
        th.scope = 'col';
        hr.appendChild(th);
      });
      thead.appendChild(hr);
      table.appendChild(thead);
      var tbody = el('tbody');
      ep.checks.forEach(function (ck) {
        var tr = el('tr');
        tr.setAttribute('data-check', ck.check);
        var th = el('th', null, ck.check.replace(/_/g, ' '));
        th.scope = 'row';
        tr.appendChild(th);
        var r = { tr: tr };
        [['state', 'State'], ['hour num', 'Uptime 1 h'], ['day num', 'Uptime 24 h'], ['recent', 'Recent probes'], ['last', 'Last probe']].forEach(function (d) {
          var td = el('td', d[0]);
          td.setAttribute('data-label', d[1]);
          tr.appendChild(td);
          r[d[0].split(' ')[0]] = td;
        });
        r.ticks = el('div', 'ticks');
        r.ticks.setAttribute('role', 'group');
        r.ticks.setAttribute('aria-label', 'Last ' + SLOTS + ' probes of ' + ck.check + ' (arrow keys move)');
        r.recent.appendChild(r.ticks);
        c.rows[ck.check] = r;
        tbody.appendChild(tr);
      });
      table.appendChild(tbody);
      card.appendChild(table);
      c.card = card;
      cards[ep.name] = c;
      root.appendChild(card);
    });
  }

  function fillDelivery(dl, d) {
    dl.textContent = '';
    dl.hidden = !d;
    dl.parentNode.className = d ? 'overview' : 'overview solo';
    if (!d) return;
    var items = [
      ['Delivery success', pct(d.successRatio)],
      ['Retries', pct(d.retryRatio)],
      ['DLQ depth', d.dlqDepth == null ? '\u2014' : String(d.dlqDepth)],
      ['Rate-limit headroom', d.rateLimitHeadroom == null ? '\u2014' : pct(d.rateLimitHeadroom),
        d.rateLimitLimit == null ? 'no rate-limit headers seen' : d.rateLimitRemaining + ' of ' + d.rateLimitLimit + ' left'],
    ];
    items.forEach(function (it) {
      var div = el('div');
      div.appendChild(el('dt', null, it[0]));
      var dd = el('dd', null, it[1]);
      if (it[2]) dd.appendChild(el('span', 'small', it[2]));
      div.appendChild(dd);
      dl.appendChild(div);
    });
    dl.appendChild(el('p', 'note', 'Deliveries ' + (d.windowSeconds == null ? 'since the exporter started' : 'in the last ' + span(d.windowSeconds)) + ': ' + d.attempts + ' attempts'));
  }

  function fillUptime(td, u) {
    td.textContent = pct(u.ratio);
    var note = u.probes === 0 ? 'no probes' : u.coveredSeconds < u.windowSeconds * 0.98 ? 'over ' + span(u.coveredSeconds) : u.probes + ' probes';
    td.appendChild(el('span', 'small', note));
  }

  function fillTicks(box, recent) {
    var active = document.activeElement;
    var keep = active && active.parentNode === box ? active.getAttribute('data-t') : null;
    box.textContent = '';
    recent.forEach(function (k, i) {
      var b = el('button', 'tick ' + tickClass(k));
      b.type = 'button';
      b.tabIndex = -1;
      b.setAttribute('data-t', String(k.t));
      b.setAttribute('aria-label', tickText(k));
      b.tick = k;
      if (i === 0) b.style.gridColumnStart = String(SLOTS - recent.length + 1);
      box.appendChild(b);
    });
    var target = (keep && box.querySelector('[data-t="' + keep + '"]')) || box.lastChild;
    if (target) target.tabIndex = 0;
    if (keep && target) { target.focus(); showTip(target); }
  }

  function fillLast(td, last) {
    td.textContent = '';
    if (!last) { td.appendChild(el('span', 'small', 'no probe yet')); return; }
    td.appendChild(el('span', 'total', dur(last.seconds)));
    td.appendChild(document.createTextNode(' \u00b7 ' + (last.status ? 'HTTP ' + last.status : 'no response') + ' \u00b7 ' + clock(last.t)));
    var total = 0;
    PHASES.forEach(function (p) { total += last.phases[p] || 0; });
    if (!total) return;
    var bar = el('div', 'phasebar');
    bar.setAttribute('aria-hidden', 'true');
    var parts = [];
    PHASES.forEach(function (p) {
      var v = last.phases[p];
      if (v == null) return;
      var s = el('span', 'ph-' + p);
      s.style.width = (100 * v / total).toFixed(2) + '%';
      bar.appendChild(s);
      parts.push(p + ' ' + dur(v));
    });
    td.appendChild(bar);
    td.appendChild(el('div', 'phases', parts.join(' \u00b7 ')));
  }

`;
