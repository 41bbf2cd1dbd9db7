import { describe, expect, it } from 'vitest';
import { configErrors, configFromYaml } from '../../support/config.js';

const head = 'endpoints:\n  - { name: a, url: "https://a.example/h" }\n  - { name: b, url: "https://b.example/h" }\nmaintenance:\n';

describe('maintenance config', () => {
  it('defaults: every endpoint, UTC, nothing when the key is absent', () => {
    expect(configFromYaml('endpoints: [{ name: a, url: "https://a.example/h" }]\n').maintenance).toEqual([]);
    const [w] = configFromYaml(`${head}  - { name: w, weekly: [{ weekdays: [sunday] }] }\n`).maintenance;
    expect(w).toEqual({ name: 'w', interval: 'maintenance-w', endpoints: ['a', 'b'], timeZone: 'UTC', specs: [{ weekdays: [0], location: 'UTC' }] });
  });

  it('splits a weekly window across midnight onto the next days', () => {
    const [w] = configFromYaml(`${head}  - name: n\n    endpoints: [b]\n    time_zone: Europe/Berlin\n    weekly: [{ weekdays: ["friday:sunday"], times: { start: "22:00", end: "02:30" } }]\n`).maintenance;
    expect(w!.endpoints).toEqual(['b']);
    expect(w!.specs).toEqual([
      { weekdays: [0, 5, 6], times: [{ startMinute: 1320, endMinute: 1440 }], location: 'Europe/Berlin' },
      { weekdays: [0, 1, 6], times: [{ startMinute: 0, endMinute: 150 }], location: 'Europe/Berlin' },
    ]);
  });

  it('cuts a one-off window at UTC midnights, one days_of_month range per month', () => {
    const [w] = configFromYaml(`${head}  - { name: o, start: "2027-02-27T23:30:00+01:00", end: "2027-03-02T00:00:00Z" }\n`).maintenance;
    expect(w!.once).toEqual({ start: Date.parse('2027-02-27T22:30:00Z'), end: Date.parse('2027-03-02T00:00:00Z') });
    expect(w!.specs).toEqual([
      { times: [{ startMinute: 1350, endMinute: 1440 }], daysOfMonth: [[27, 27]], months: [[2, 2]], years: [[2027, 2027]], location: 'UTC' },
      { daysOfMonth: [[28, 28]], months: [[2, 2]], years: [[2027, 2027]], location: 'UTC' },
      { daysOfMonth: [[1, 1]], months: [[3, 3]], years: [[2027, 2027]], location: 'UTC' },
    ]);
  });

  it('says what is wrong, one line each, naming file, field and expectation', () => {
    const errors = configErrors(`${head}  - { name: x, endpoints: [c], time_zone: europe/berlin, weekly: [{ weekdays: [funday], times: { start: "25:00", end: "10:00" } }] }
  - { name: x, start: "2026-12-01T10:00:30Z", end: "2026-12-01" }
  - { name: y, start: "2026-12-01T10:00:00Z", end: "2026-12-01T09:00:00Z" }
  - { name: z, weekly: [{ weekdays: [monday] }], start: "2026-12-01T10:00:00Z", end: "2026-12-01T11:00:00Z" }
  - { name: v, time_zone: Mars/Olympus, start: "2026-12-01T10:00:00Z" }
`);
    expect(errors).toEqual([
      'hookwatch.yaml:5:43 maintenance[0].time_zone: got "europe/berlin", expected an IANA time zone name spelled as in the database (Europe/Berlin)',
      'hookwatch.yaml:5:80 maintenance[0].weekly[0].weekdays[0]: got "funday", expected a weekday like monday, or a range like monday:friday',
      'hookwatch.yaml:5:105 maintenance[0].weekly[0].times.start: got "25:00", expected a time of day like "22:00" (HH:MM, 00:00 to 24:00)',
      'hookwatch.yaml:6:23 maintenance[1].start: got "2026-12-01T10:00:30Z", expected a time on a whole minute (seconds 00): Alertmanager time intervals have minutes',
      'hookwatch.yaml:6:52 maintenance[1].end: got "2026-12-01", expected an RFC 3339 time like 2026-12-05T01:00:00Z',
      'hookwatch.yaml:7:52 maintenance[2].end: got "2026-12-01T09:00:00.000Z", expected an end after start',
      expect.stringMatching(/^hookwatch\.yaml:8:5 maintenance\[3\]: got .*, expected either weekly or start and end \(exactly one of the two forms\)$/),
      'hookwatch.yaml:9:27 maintenance[4].time_zone: got "Mars/Olympus", expected an IANA time zone name like Europe/Berlin or UTC',
      'hookwatch.yaml:9:5 maintenance[4].end: got nothing, expected an end (RFC 3339) together with start',
    ]);
  });

  it('names only configured endpoints, and each window once', () => {
    expect(configErrors(`${head}  - { name: x, endpoints: [a, c], weekly: [{ weekdays: [monday] }] }\n  - { name: x, weekly: [{ weekdays: [monday] }] }\n`)).toEqual([
      'hookwatch.yaml:5:31 maintenance[0].endpoints[1]: got "c", expected the name of a configured endpoint (a, b)',
      'hookwatch.yaml:6:13 maintenance[1].name: got "x", expected a unique name (maintenance[0] is already "x")',
    ]);
  });
});
