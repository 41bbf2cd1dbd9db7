/**
 * The status page's script, served as /assets/status.js. Plain ES2017 in
 * strings (it runs in the browser, not under our Node tsconfig), in three
 * parts sharing one function scope. It builds the DOM with textContent
 * only, never innerHTML, so no value from the model can become markup.
 * A unit test parses it; the browser test runs it.
 */
import { CLIENT_FORMAT } from './client-format.js';
import { CLIENT_RENDER } from './client-render.js';

/** Part 3 of 3: chart, headline, tooltips, keyboard, live updates. */
const CLIENT_MAIN = String.raw`
  function cssVar(n) { return getComputedStyle(document.documentElement).getPropertyValue(n).trim(); }
  function chartData(lat) {
    var ms = function (v) { return v == null ? null : v * 1000; };
    return [lat.t, lat.p50.map(ms), lat.p95.map(ms)];
  }
  function fillChart(c, ep) {
    var lat = ep.latency;
    var p50 = dur(lat.recent.p50);
    var p95 = dur(lat.recent.p95);
    c.caption.textContent = 'Probe latency, last 5 min: ';
    c.caption.appendChild(el('b', null, 'p50 ' + p50));
    c.caption.appendChild(document.createTextNode(' solid \u00b7 '));
    c.caption.appendChild(el('b', null, 'p95 ' + p95));
    c.caption.appendChild(document.createTextNode(' dashed (chart: last hour)'));
    c.chart.setAttribute('aria-label', 'Latency of ' + ep.name + ' over the last hour, latest p50 ' + p50 + ', p95 ' + p95);
    if (!lat.t.length || typeof uPlot === 'undefined') {
      if (c.plot) { c.plot.destroy(); c.plot = null; }
      c.chart.textContent = '';
      c.chart.appendChild(el('div', 'empty', 'No response measured yet'));
      return;
    }
    if (c.plot) { c.plot.setData(chartData(lat)); return; }
    c.chart.textContent = '';
    var axis = { stroke: cssVar('--muted'), grid: { stroke: cssVar('--grid'), width: 1 }, ticks: { stroke: cssVar('--grid'), width: 1 } };
    // Whole seconds at least: sub-second ticks would print the same label twice.
    var TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];
    var hhmm = function (u, vals, axis, space, incr) {
      return vals.map(function (v) { return new Date(v * 1000).toLocaleTimeString([], incr < 60 ? { hour12: false } : { hour12: false, hour: '2-digit', minute: '2-digit' }); });
    };
    c.plot = new uPlot({
      width: Math.max(220, c.chart.clientWidth), height: 150, padding: [8, 28, 0, 0],
      scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(1, max) * 1.1]; } } },
      series: [{}, { label: 'p50', stroke: cssVar('--p50'), width: 2, points: { size: 4 } },
        { label: 'p95', stroke: cssVar('--p95'), width: 2, dash: [6, 4], points: { size: 4 } }],
      axes: [Object.assign({}, axis, { values: hhmm, incrs: TIME_STEPS }), Object.assign({}, axis, { size: 62, values: function (u, vals) { return vals.map(fmtMs); } })],
      legend: { show: false },
      cursor: { y: false },
    }, chartData(lat), c.chart);
  }

  function fillOverall(s) {
    var o = document.getElementById('overall');
    var state, text;
    if (s.down) { state = 'down'; text = s.down + ' of ' + s.checks + ' checks down'; }
    else if (s.degraded) { state = 'degraded'; text = s.degraded + ' of ' + s.checks + ' checks degraded'; }
    else if (s.up) { state = 'up'; text = 'All ' + s.up + ' checks up'; }
    else { state = 'unknown'; text = 'Waiting for the first probes'; }
    if (s.unknown && state !== 'unknown') text += ', ' + s.unknown + ' pending';
    o.className = 'overall ' + state;
    o.textContent = ICON[state] + ' ' + text;
    document.title = (state === 'up' ? '' : ICON[state] + ' ') + 'Webhook status \u00b7 hookwatch';
  }

  function render(model) {
    var key = model.endpoints.map(function (e) { return e.name + ':' + e.checks.map(function (c) { return c.check; }).join(','); }).join('|');
    if (key !== shape) { build(model); shape = key; }
    fillOverall(model.summary);
    model.endpoints.forEach(function (ep) {
      var c = cards[ep.name];
      c.card.className = 'card ' + ep.state;
      c.card.setAttribute('data-state', ep.state);
      c.badge.replaceWith(c.badge = badge(ep.state));
      fillDelivery(c.delivery, ep.delivery);
      ep.checks.forEach(function (ck) {
        var r = c.rows[ck.check];
        r.tr.setAttribute('data-state', ck.state);
        r.state.textContent = '';
        r.state.appendChild(badge(ck.state));
        // The reason matters only when something is wrong; "up" says it all.
        if (ck.state !== 'up') {
          r.state.appendChild(el('span', 'reason', ck.reason));
          r.state.lastChild.title = ck.reason;
        }
        fillUptime(r.hour, ck.uptime.hour);
        fillUptime(r.day, ck.uptime.day);
        fillTicks(r.ticks, ck.recent);
        fillLast(r.last, ck.last);
      });
      fillChart(c, ep);
    });
    lastUpdate = Date.now();
    var u = document.getElementById('updated');
    u.textContent = clock(model.generatedAt);
    u.dateTime = new Date(model.generatedAt * 1000).toISOString();
  }

  function showTip(b) {
    var k = b.tick;
    if (!k) return;
    tip.textContent = '';
    tip.appendChild(el('strong', null, clock(k.t) + ' \u00b7 ' + (k.success ? (k.degraded ? 'slow' : 'ok') : 'failed')));
    tip.appendChild(el('div', null, 'result ' + k.result + ' \u00b7 status ' + (k.status || 'none') + ' \u00b7 ' + dur(k.seconds)));
    if (k.detail) tip.appendChild(el('div', null, k.detail));
    tip.hidden = false;
    var r = b.getBoundingClientRect();
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.min(Math.max(8, r.left + r.width / 2 - w / 2), document.documentElement.clientWidth - w - 8);
    var top = r.top - h - 8 < 0 ? r.bottom + 8 : r.top - h - 8;
    tip.style.left = (left + window.scrollX) + 'px';
    tip.style.top = (top + window.scrollY) + 'px';
  }
  function hideTip() { tip.hidden = true; }
  function isTick(t) { return t && t.classList && t.classList.contains('tick'); }
  root.addEventListener('mouseover', function (e) { if (isTick(e.target)) showTip(e.target); });
  root.addEventListener('mouseout', function (e) { if (isTick(e.target)) hideTip(); });
  root.addEventListener('focusin', function (e) { if (isTick(e.target)) showTip(e.target); });
  root.addEventListener('focusout', function (e) { if (isTick(e.target)) hideTip(); });
  root.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.key === 'Escape') { hideTip(); return; }
    if (!isTick(t)) return;
    var next = e.key === 'ArrowLeft' ? t.previousElementSibling : e.key === 'ArrowRight' ? t.nextElementSibling
      : e.key === 'Home' ? t.parentNode.firstElementChild : e.key === 'End' ? t.parentNode.lastElementChild : null;
    if (!next) return;
    e.preventDefault();
    t.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  });
  var resizing = 0;
  window.addEventListener('resize', function () {
    cancelAnimationFrame(resizing);
    resizing = requestAnimationFrame(function () {
      Object.keys(cards).forEach(function (n) {
        var c = cards[n];
        if (c.plot) c.plot.setSize({ width: Math.max(220, c.chart.clientWidth), height: 150 });
      });
    });
  });

  function setLive(text, stale) { live.textContent = text; live.className = stale ? 'live stale' : 'live'; }
  var polling = 0;
  function poll() {
    fetch('/api/status', { cache: 'no-store' }).then(function (r) { return r.json(); })
      .then(function (m) { render(m); setLive('polling every 5 s', false); }, function () { setLive('offline', true); });
  }
  function follow() {
    if (typeof EventSource === 'undefined') { polling = setInterval(poll, 5000); return; }
    var es = new EventSource('/api/events');
    es.addEventListener('status', function (e) { render(JSON.parse(e.data)); setLive('live', false); });
    es.onerror = function () {
      // Closed for good (e.g. 503, too many streams): poll instead.
      if (es.readyState === 2 && !polling) { polling = setInterval(poll, 5000); poll(); }
      else setLive('reconnecting\u2026', true);
    };
  }
  setInterval(function () { if (lastUpdate && Date.now() - lastUpdate > STALE_MS) setLive('no update for ' + span((Date.now() - lastUpdate) / 1000), true); }, 5000);

  render(JSON.parse(document.getElementById('status-data').textContent));
  follow();
`;

/** The whole script. */
export const CLIENT_JS = `(function () {
  'use strict';${CLIENT_FORMAT}${CLIENT_RENDER}${CLIENT_MAIN}})();
`;
