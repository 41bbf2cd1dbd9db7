/**
 * Live updates: follows `/api/events` (server-sent events) and falls back
 * to polling `/api/status` when the stream is refused or unsupported; the
 * footer says which, and when updates stopped coming.
 */
import type { StatusModel } from '../../api-types.js';
import { byId } from './dom.js';
import { span } from './format.js';
import { lastDrawn, render } from './render.js';

const POLL_MS = 5000;
const STALE_MS = 30000;
const live = byId('live', HTMLElement);
let polling = 0;

function setLive(text: string, stale: boolean): void {
  live.textContent = text;
  live.className = stale ? 'live stale' : 'live';
}

function poll(): void {
  fetch('/api/status', { cache: 'no-store' }).then((r) => r.json() as Promise<StatusModel>)
    .then((m) => { render(m); setLive('polling every 5 s', false); }, () => setLive('offline', true));
}

/** Starts following updates, and the check for stale ones. */
export function follow(): void {
  setInterval(() => {
    const at = lastDrawn();
    if (at && Date.now() - at > STALE_MS) setLive('no update for ' + span((Date.now() - at) / 1000), true);
  }, POLL_MS);
  if (typeof EventSource === 'undefined') { polling = setInterval(poll, POLL_MS); return; }
  const es = new EventSource('/api/events');
  es.addEventListener('status', (e: MessageEvent<string>) => { render(JSON.parse(e.data) as StatusModel); setLive('live', false); });
  es.onerror = () => {
    // Closed for good (e.g. 503, too many streams): poll instead.
    if (es.readyState === EventSource.CLOSED && !polling) { polling = setInterval(poll, POLL_MS); poll(); }
    else setLive('reconnecting\u2026', true);
  };
}
