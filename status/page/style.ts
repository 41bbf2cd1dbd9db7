/**
 * The status page's stylesheet. State colours are paired with text labels
 * and, for failed ticks, a hatch pattern, so nothing depends on colour
 * alone; text colours meet WCAG AA (≥ 4.5:1) on their backgrounds in both
 * light and dark schemes. Below 760 px the check table becomes cards.
 */
export const STYLE_CSS = String.raw`
:root {
  --bg: #f6f8fa; --card: #ffffff; --text: #1f2328; --muted: #57606a; --border: #d0d7de; --grid: #eaeef2;
  --up: #1a7f37; --up-bg: #dafbe1; --up-text: #0f5323;
  --degraded: #bf8700; --degraded-bg: #fff8c5; --degraded-text: #6c4400;
  --down: #cf222e; --down-bg: #ffebe9; --down-text: #8c0c1e;
  --unknown: #8c959f; --unknown-bg: #eaeef2; --unknown-text: #424a53;
  --p50: #0969da; --p95: #8250df; --focus: #0969da; --slot: #eaeef2;
  --ph-dns: #8250df; --ph-connect: #0969da; --ph-tls: #1b7c83; --ph-ttfb: #424a53; --ph-transfer: #afb8c1;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --card: #161b22; --text: #e6edf3; --muted: #9198a1; --border: #30363d; --grid: #21262d;
    --up: #3fb950; --up-bg: #12261e; --up-text: #7ee787;
    --degraded: #d29922; --degraded-bg: #272115; --degraded-text: #e3b341;
    --down: #f85149; --down-bg: #301518; --down-text: #ffa198;
    --unknown: #6e7681; --unknown-bg: #21262d; --unknown-text: #c9d1d9;
    --p50: #58a6ff; --p95: #d2a8ff; --focus: #58a6ff; --slot: #21262d; --ph-ttfb: #c9d1d9; --ph-transfer: #6e7681;
  }
}
* { box-sizing: border-box; }
/* Our display rules must not undo the hidden attribute. */
[hidden] { display: none !important; }
body { margin: 0; background: var(--bg); color: var(--text); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--p50); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--card); padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: 1rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: .75rem 2rem; padding: 1.25rem clamp(1rem, 3vw, 2.5rem) .75rem; max-width: 1280px; margin: 0 auto; }
.brand h1 { margin: 0; font-size: 1.5rem; letter-spacing: -.01em; }
.sub { margin: 0; color: var(--muted); font-size: .85rem; }
.overall { margin: 0; padding: .45rem .9rem; border-radius: 999px; font-weight: 650; flex: 0 1 auto; }
.links { margin-left: auto; display: flex; flex-wrap: wrap; gap: .35rem 1rem; font-size: .9rem; }
.grafana a { margin-left: .5rem; }
main { max-width: 1280px; margin: 0 auto; padding: 0 clamp(.5rem, 3vw, 2.5rem) 1rem; display: grid; gap: 1.25rem; }
.card { background: var(--card); border: 1px solid var(--border); border-left: 6px solid var(--unknown); border-radius: 10px; padding: 1rem 1.25rem 1.1rem; min-width: 0; }
.card.up { border-left-color: var(--up); } .card.degraded { border-left-color: var(--degraded); } .card.down { border-left-color: var(--down); }
.card-head { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; }
.card-head h2 { margin: 0; font-size: 1.2rem; overflow-wrap: anywhere; }
.card-head .dash { margin-left: auto; font-size: .9rem; }
.badge, .maintenance-badge { display: inline-flex; align-items: center; gap: .3rem; padding: .1rem .6rem; border-radius: 999px; font-weight: 650; font-size: .85rem; white-space: nowrap; }
.badge.up, .overall.up { background: var(--up-bg); color: var(--up-text); }
.badge.degraded, .overall.degraded { background: var(--degraded-bg); color: var(--degraded-text); }
.badge.down, .overall.down { background: var(--down-bg); color: var(--down-text); }
.badge.unknown, .overall.unknown { background: var(--unknown-bg); color: var(--unknown-text); }
.maintenance-badge { background: var(--unknown-bg); color: var(--unknown-text); border: 1px dashed currentColor; }
.overview { display: grid; grid-template-columns: minmax(14rem, 1fr) minmax(0, 2fr); gap: 1rem 2rem; align-items: start; margin: .9rem 0 .5rem; }
.overview.solo { grid-template-columns: minmax(0, 1fr); }
.delivery { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: .75rem 1.25rem; margin: 0; align-content: start; }
.delivery dt { color: var(--muted); font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; font-weight: 600; }
.delivery dd { margin: 0; font-size: 1.35rem; font-weight: 650; font-variant-numeric: tabular-nums; line-height: 1.25; }
.delivery .note { grid-column: 1 / -1; margin: 0; color: var(--muted); font-size: .78rem; }
table.checks { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
.checks th, .checks td { text-align: left; padding: .5rem .5rem; border-top: 1px solid var(--grid); vertical-align: middle; }
.checks thead th { border-top: 0; color: var(--muted); font-size: .75rem; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; }
.checks tbody th { font-weight: 600; white-space: nowrap; }
.checks .num { font-size: 1.05rem; font-weight: 600; white-space: nowrap; }
.small { display: block; color: var(--muted); font-size: .75rem; font-weight: 400; }
.reason { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; color: var(--muted); font-size: .75rem; line-height: 1.3; overflow-wrap: anywhere; }
/* Fixed columns on wide screens: every card's table lines up with the others. */
@media (min-width: 1100px) {
  table.checks { table-layout: fixed; }
  .checks thead th:nth-child(1) { width: 11.5rem; } .checks thead th:nth-child(2) { width: 10.5rem; }
  .checks thead th:nth-child(3), .checks thead th:nth-child(4) { width: 7rem; }
  .checks thead th:nth-child(6) { width: 17rem; }
  .checks tbody th { white-space: normal; }
}
.ticks { display: grid; grid-template-columns: repeat(60, minmax(0, 1fr)); gap: 1px; height: 30px; min-width: 150px; background: repeating-linear-gradient(90deg, var(--slot) 0 calc((100% + 1px) / 60 - 1px), transparent 0 calc((100% + 1px) / 60)); border-radius: 3px; }
.tick { border: 0; padding: 0; margin: 0; border-radius: 2px; background: var(--unknown); cursor: default; min-width: 0; }
.tick.ok { background: var(--up); }
.tick.slow { background: var(--degraded); }
.tick.fail { background: repeating-linear-gradient(135deg, var(--down) 0 3px, var(--down-bg) 3px 5px); box-shadow: inset 0 0 0 1px var(--down); }
.tick:focus-visible { outline-offset: 1px; }
.last { white-space: nowrap; }
.last .total { font-weight: 600; }
.phasebar { display: flex; height: 8px; border-radius: 4px; overflow: hidden; background: var(--grid); margin: .25rem 0 .15rem; min-width: 8rem; }
.phasebar span { display: block; min-width: 2px; }
.ph-dns { background: var(--ph-dns); } .ph-connect { background: var(--ph-connect); } .ph-tls { background: var(--ph-tls); } .ph-ttfb { background: var(--ph-ttfb); } .ph-transfer { background: var(--ph-transfer); }
.phases { color: var(--muted); font-size: .72rem; white-space: normal; }
figure.latency { margin: 0; min-width: 0; }
figure.latency figcaption { color: var(--muted); font-size: .8rem; margin-bottom: .25rem; }
figure.latency figcaption b { color: var(--text); font-size: 1rem; font-variant-numeric: tabular-nums; }
.chart { min-height: 150px; }
.chart .empty { display: flex; align-items: center; justify-content: center; height: 150px; color: var(--muted); font-size: .85rem; border: 1px dashed var(--border); border-radius: 6px; }
.uplot { font-family: inherit; }
.foot { max-width: 1280px; margin: 0 auto; padding: .5rem clamp(1rem, 3vw, 2.5rem) 2rem; color: var(--muted); font-size: .8rem; }
.live.stale { color: var(--down-text); font-weight: 650; }
.tip { position: absolute; z-index: 20; max-width: 20rem; background: var(--text); color: var(--card); padding: .45rem .65rem; border-radius: 6px; font-size: .8rem; line-height: 1.35; pointer-events: none; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.tip strong { display: block; }
@media (max-width: 900px) { .overview { grid-template-columns: minmax(0, 1fr); } }
@media (max-width: 760px) {
  body { font-size: 14px; }
  .links { margin-left: 0; }
  .card { padding: .85rem .85rem 1rem; }
  .checks thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .checks, .checks tbody, .checks tr, .checks th, .checks td { display: block; width: 100%; }
  .checks tr { border-top: 1px solid var(--grid); padding: .5rem 0; display: grid; grid-template-columns: 1fr 1fr; gap: .35rem .75rem; }
  .checks th, .checks td { border: 0; padding: 0; }
  .checks td[data-label]::before { content: attr(data-label); display: block; color: var(--muted); font-size: .7rem; text-transform: uppercase; letter-spacing: .04em; }
  .checks td.recent, .checks td.last { grid-column: 1 / -1; }
}
`;
