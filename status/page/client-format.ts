/**
 * The status page script, part 1 of 3: shared state and formatting
 * helpers (percentages, durations, clocks, state badges). Concatenated
 * inside one function scope by client.ts.
 */
export const CLIENT_FORMAT = String.raw`
  var TEXT = { up: 'Up', degraded: 'Degraded', down: 'Down', unknown: 'Pending' };
  var ICON = { up: '\u2713', degraded: '!', down: '\u2715', unknown: '\u2026' };
  var PHASES = ['dns', 'connect', 'tls', 'ttfb', 'transfer'];
  var SLOTS = 60;
  var STALE_MS = 30000;
  var root = document.getElementById('endpoints');
  var tip = document.getElementById('tip');
  var live = document.getElementById('live');
  var cards = {};
  var shape = '';
  var lastUpdate = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function pct(r) {
    if (r == null) return '\u2014';
    if (r >= 1) return '100%';
    if (r <= 0) return '0%';
    return (Math.floor(r * 10000) / 100).toFixed(2) + '%';
  }
  function fmtMs(ms) {
    if (ms == null) return '\u2014';
    if (ms === 0) return '0 ms';
    if (ms < 10) return ms.toFixed(1) + ' ms';
    if (ms < 1000) return Math.round(ms) + ' ms';
    return (ms / 1000).toFixed(2) + ' s';
  }
  function dur(s) { return s == null ? '\u2014' : fmtMs(s * 1000); }
  function span(sec) {
    if (sec >= 86400) return Math.round(sec / 86400) + ' d';
    if (sec >= 3600) return Math.round(sec / 360) / 10 + ' h';
    if (sec >= 60) return Math.round(sec / 60) + ' min';
    return Math.round(sec) + ' s';
  }
  function clock(t) { return new Date(t * 1000).toLocaleTimeString([], { hour12: false }); }
  function badge(state) {
    var b = el('span', 'badge ' + state);
    var i = el('span', 'icon', ICON[state]);
    i.setAttribute('aria-hidden', 'true');
    b.appendChild(i);
    b.appendChild(document.createTextNode(TEXT[state]));
    return b;
  }
  function tickClass(k) { return k.success ? (k.degraded ? 'slow' : 'ok') : 'fail'; }
  function tickText(k) {
    return clock(k.t) + ': ' + (k.success ? (k.degraded ? 'slow' : 'ok') : 'failed (' + k.result + ')') +
      ', status ' + (k.status || 'none') + ', ' + dur(k.seconds) + (k.detail ? ', ' + k.detail : '');
  }

`;
