import { validate } from 'node-cron';
import { z } from 'zod';

/** Checks a node-cron expression (5 fields, or 6 with leading seconds). */
export function validateSchedule(expr: string, ctx: z.RefinementCtx): void {
  const fields = expr.trim().split(/\s+/).length;
  let ok = false;
  try {
    ok = (fields === 5 || fields === 6) && validate(expr);
  } catch {
    ok = false;
  }
  if (!ok) ctx.addIssue({ code: 'custom', message: 'a cron expression like "*/15 * * * * *" (seconds first, optional)', input: expr });
}

/** A node-cron schedule: 5 fields, or 6 with leading seconds. */
export const cronSchema = z.string().superRefine(validateSchedule).meta({ docType: 'cron expression (node-cron; a sixth, leading field is seconds)' });
