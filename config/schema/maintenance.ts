import { z } from 'zod';
import { nameSchema } from './common.js';
import { MAINTENANCE_DEFAULTS } from '../defaults.js';

/**
 * Maintenance windows, after Alertmanager 0.25's `time_intervals`: weekday
 * names and ranges (`monday:friday`), `HH:MM` times (start included, end
 * excluded, `24:00` is the end of the day), an IANA time zone. A window is
 * either weekly or one-off (`start`/`end`, RFC 3339, whole minutes).
 *
 * ```yaml
 * maintenance:
 *   - name: nightly-deploy
 *     endpoints: [payments-primary]      # omitted: every endpoint
 *     time_zone: Europe/Berlin
 *     weekly:
 *       - weekdays: [monday:friday]
 *         times: { start: "22:00", end: "02:00" }   # end before start: into the next day
 *       - weekdays: [sunday]                       # no times: the whole day
 *   - name: db-migration
 *     start: 2026-12-05T01:00:00Z
 *     end: 2026-12-05T03:30:00Z
 * ```
 */

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** `HH:MM` → minutes of the day (0 … 1440); null when it is not one. */
export function parseClock(s: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(s);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 ? minutes : null;
}

/** `monday`, `monday:friday` (a range may wrap: `friday:monday`) → day indices, Sunday = 0. */
export function parseWeekdays(s: string): number[] | null {
  const [from, to = from, extra] = s.toLowerCase().split(':');
  if (extra !== undefined) return null;
  const a = WEEKDAYS.indexOf(from as (typeof WEEKDAYS)[number]);
  const b = WEEKDAYS.indexOf(to as (typeof WEEKDAYS)[number]);
  if (a < 0 || b < 0) return null;
  const days: number[] = [];
  for (let d = a; ; d = (d + 1) % 7) {
    days.push(d);
    if (d === b) break;
  }
  return days;
}

/** A name of the IANA time zone database, spelled as it is there (Alertmanager's Go loader is case-sensitive). */
export function checkTimeZone(zone: string): string | null {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return 'an IANA time zone name like Europe/Berlin or UTC';
  }
  if (!/^[A-Za-z]/.test(zone)) return 'an IANA time zone name like Europe/Berlin or UTC';
  if (resolved !== zone && resolved.toLowerCase() === zone.toLowerCase()) return `an IANA time zone name spelled as in the database (${resolved})`;
  return null;
}

export const timeZoneSchema = z.string({ error: 'an IANA time zone name like Europe/Berlin or UTC' }).superRefine((s, ctx) => {
  const problem = checkTimeZone(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: s });
}).meta({ docType: 'IANA time zone (`Europe/Berlin`, `UTC`)' });

const clockSchema = z.string({ error: 'a time of day like "22:00" (HH:MM, 00:00 to 24:00)' })
  .refine((s) => parseClock(s) !== null, { message: 'a time of day like "22:00" (HH:MM, 00:00 to 24:00)' })
  .meta({ docType: 'time of day (`HH:MM`)' });

/** RFC 3339 with a zone (`Z` or `+01:00`), on a whole minute: Alertmanager's times have minutes. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$/;
export const instantSchema = z.string({ error: 'an RFC 3339 time like 2026-12-05T01:00:00Z' }).transform((s, ctx) => {
  const m = RFC3339.exec(s);
  const ms = m ? Date.parse(s.replace(' ', 'T')) : NaN;
  if (!m || Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: 'an RFC 3339 time like 2026-12-05T01:00:00Z', input: s });
    return z.NEVER;
  }
  if (ms % 60_000 !== 0) {
    ctx.addIssue({ code: 'custom', message: 'a time on a whole minute (seconds 00): Alertmanager time intervals have minutes', input: s });
    return z.NEVER;
  }
  return ms;
}).meta({ docType: 'RFC 3339 time (`2026-12-05T01:00:00Z`, whole minutes)' });

const weeklySchema = z.strictObject({
  weekdays: z.array(z.string().refine((s) => parseWeekdays(s) !== null, { message: 'a weekday like monday, or a range like monday:friday' }))
    .min(1, { error: 'at least one weekday' })
    .describe('Days of the week, by name, or ranges like `monday:friday` (both ends included).'),
  times: z.strictObject({
    start: clockSchema.describe('Start of the window on each of those days (included).'),
    end: clockSchema.describe('End (excluded); at or before `start` it is on the next day.'),
  }).refine((t) => t.start !== t.end, { path: ['end'], message: 'an end different from start' })
    .optional().describe('Time of day, in `time_zone`; omitted: the whole day.'),
});

export const maintenanceSchema = z.strictObject({
  name: nameSchema.describe('Names the window: in Alertmanager\'s `time_intervals`, and on the status page; unique.'),
  endpoints: z.array(nameSchema).min(1, { error: 'at least one endpoint (omit the key for every endpoint)' }).optional()
    .meta({ description: 'The endpoints the window mutes.', default: 'every endpoint' }),
  time_zone: timeZoneSchema.default(MAINTENANCE_DEFAULTS.timeZone).describe('Time zone of `weekly` times (Alertmanager\'s `location`).'),
  weekly: z.array(weeklySchema).min(1, { error: 'at least one weekly entry' }).optional().describe('A recurring window: any entry matching is maintenance.'),
  start: instantSchema.optional().describe('Start of a one-off window (included).'),
  end: instantSchema.optional().describe('End of a one-off window (excluded); after `start`.'),
}).superRefine((w, ctx) => {
  const once = w.start !== undefined || w.end !== undefined;
  if (once === (w.weekly !== undefined)) {
    ctx.addIssue({ code: 'custom', path: [], message: 'either weekly or start and end (exactly one of the two forms)', input: w });
    return;
  }
  if (once) {
    if (w.start === undefined) ctx.addIssue({ code: 'custom', path: ['start'], message: 'a start (RFC 3339) together with end', input: undefined });
    if (w.end === undefined) ctx.addIssue({ code: 'custom', path: ['end'], message: 'an end (RFC 3339) together with start', input: undefined });
    if (w.start !== undefined && w.end !== undefined && w.end <= w.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'an end after start', input: new Date(w.end).toISOString() });
  }
});

export type MaintenanceInput = z.output<typeof maintenanceSchema>;
