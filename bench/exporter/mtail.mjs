/**
 * The mtail side of the benchmark: a regex program counting deliveries by
 * endpoint and status class plus a duration histogram with the same
 * buckets, run with --one_shot over the same file.
 */
import { REQUEST_BUCKETS } from '../../dist/catalog/index.js';

const CLASSES = [['1\\d\\d', '1xx'], ['2\\d\\d', '2xx'], ['3\\d\\d', '3xx'], ['4\\d\\d', '4xx'], ['5\\d\\d', '5xx'], ['null', 'none']];

/** mtail program text. Its own metric names (mtail_*) are compared by position, not name. */
export function mtailProgram() {
  return [
    'counter mtail_deliveries by endpoint, status_class',
    `histogram mtail_duration_seconds by endpoint buckets ${REQUEST_BUCKETS.join(', ')}`,
    '',
    '/"endpoint":"(?P<endpoint>[^"]+)"/ {',
    ...CLASSES.map(([re, cls]) => `  /"status":${re},/ {\n    mtail_deliveries[$endpoint]["${cls}"]++\n  }`),
    '  /"duration_ms":(?P<dur>\\d+\\.\\d+)/ {',
    '    mtail_duration_seconds[$endpoint] = $dur / 1000',
    '  }',
    '}',
    '',
  ].join('\n');
}
