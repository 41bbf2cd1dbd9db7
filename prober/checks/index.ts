/** Check kinds, one file each with one signature, picked by kind. */
import type { Check } from '../../catalog/index.js';
import type { CheckFn } from '../types.js';
import { probeDelivery } from './delivery.js';
import { probeHealth } from './health.js';
import { probeSignatureEnforcement } from './signature-enforcement.js';

export const CHECK_FNS: Readonly<Record<Check, CheckFn>> = {
  delivery: probeDelivery,
  health: probeHealth,
  signature_enforcement: probeSignatureEnforcement,
};
