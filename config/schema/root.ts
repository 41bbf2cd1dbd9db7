import { z } from 'zod';
import type { SchemaContext } from './common.js';
import { alertsSchema } from './alerts.js';
import { endpointSchema } from './endpoints.js';
import { grafanaSchema } from './grafana.js';
import { maintenanceSchema } from './maintenance.js';
import { exporterSchema } from './exporter.js';
import { notifySchema } from './notify.js';
import { proberSchema } from './prober.js';
import { scaleOutSchema } from './scale-out.js';
import { receiverSchema } from './receivers.js';
import { simulatorSchema } from './simulator.js';
import { compactFitsThresholds } from './compact.js';

/**
 * The whole hookwatch.yaml. Unknown keys are rejected at every level.
 *
 * ```yaml
 * endpoints:
 *   - name: payments-primary
 *     url: https://primary.example.com/webhook
 *     signing: { scheme: standard-webhooks, secret: ${env:PRIMARY_WEBHOOK_SECRET} }
 * prober: { region: local, schedule: "*\/15 * * * * *" }
 * exporter: { sources: [{ type: file, path: /var/log/webhooks/deliveries.jsonl }] }
 * alerts: { failure_rate: { threshold: 0.05, for: 5m } }
 * notify: { slack: { api_url_file: /run/secrets/slack_webhook_url, channel: "#webhooks" } }
 * ```
 */
export function rootSchema(ctx: SchemaContext) {
  return z
    .strictObject({
      endpoints: z.array(endpointSchema(ctx)).min(1, { error: 'at least one endpoint' }).describe('The webhook endpoints watched: at least one.'),
      prober: proberSchema.prefault({}),
      exporter: exporterSchema(ctx).prefault({}),
      alerts: alertsSchema.prefault({}),
      notify: notifySchema.prefault({}),
      receivers: z.array(receiverSchema).default([]).describe('Reference receivers run by `receive` and `up`.'),
      simulator: simulatorSchema.optional(),
      grafana: grafanaSchema.prefault({}),
      maintenance: z.array(maintenanceSchema).default([]).describe('Maintenance windows: probes keep running, the endpoints\' notifications are muted and the status page says so.'),
      scale_out: scaleOutSchema.optional(),
    })
    .superRefine((c, zctx) => {
      const seen = new Map<string, number>();
      c.endpoints.forEach((e, i) => {
        const first = seen.get(e.name);
        if (first !== undefined) {
          zctx.addIssue({ code: 'custom', path: ['endpoints', i, 'name'], message: `a unique name (endpoints[${first}] is already "${e.name}")`, input: e.name });
        } else seen.set(e.name, i);
      });
      c.notify.overrides.forEach((o, i) => {
        if (o.endpoint !== undefined && !seen.has(o.endpoint)) {
          zctx.addIssue({ code: 'custom', path: ['notify', 'overrides', i, 'endpoint'], message: `the name of a configured endpoint (${[...seen.keys()].join(', ')})`, input: o.endpoint });
        }
        if ((o.endpoint === undefined) === (o.team === undefined)) {
          zctx.addIssue({ code: 'custom', path: ['notify', 'overrides', i], message: 'exactly one of endpoint or team', input: o });
        }
      });
      c.receivers.forEach((r, i) => {
        if (!seen.has(r.endpoint)) zctx.addIssue({ code: 'custom', path: ['receivers', i, 'endpoint'], message: `the name of a configured endpoint (${[...seen.keys()].join(', ')})`, input: r.endpoint });
      });
      (c.simulator?.endpoints ?? []).forEach((name, i) => {
        if (!seen.has(name)) zctx.addIssue({ code: 'custom', path: ['simulator', 'endpoints', i], message: `the name of a configured endpoint (${[...seen.keys()].join(', ')})`, input: name });
      });
      const windows = new Map<string, number>();
      c.maintenance.forEach((w, i) => {
        const first = windows.get(w.name);
        if (first !== undefined) zctx.addIssue({ code: 'custom', path: ['maintenance', i, 'name'], message: `a unique name (maintenance[${first}] is already "${w.name}")`, input: w.name });
        else windows.set(w.name, i);
        (w.endpoints ?? []).forEach((name, j) => {
          if (!seen.has(name)) zctx.addIssue({ code: 'custom', path: ['maintenance', i, 'endpoints', j], message: `the name of a configured endpoint (${[...seen.keys()].join(', ')})`, input: name });
        });
      });
      const receivers = new Set(['slack', 'pagerduty', 'email', 'opsgenie', 'webhook'].filter((k) => (c.notify as Record<string, unknown>)[k] !== undefined));
      const routeLists: [string[], Record<string, string[] | undefined> | undefined][] = [
        [['notify', 'routes'], c.notify.routes],
        ...c.notify.overrides.map((o, i): [string[], Record<string, string[] | undefined>] => [['notify', 'overrides', String(i), 'routes'], o.routes]),
      ];
      for (const [path, routes] of routeLists) {
        for (const [sev, list] of Object.entries(routes ?? {})) {
          (list ?? []).forEach((r, j) => {
            if (!receivers.has(r)) {
              zctx.addIssue({ code: 'custom', path: [...path, sev, j], message: `a receiver configured under notify (${[...receivers].join(', ') || 'none configured'})`, input: r });
            }
          });
        }
      }
      compactFitsThresholds(c, zctx);
    });
}

export type RawConfig = z.output<ReturnType<typeof rootSchema>>;
