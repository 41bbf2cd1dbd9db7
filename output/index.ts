/**
 * What every generator shares (dashboards, alerts, prometheus.yml): the
 * output-file type, the generated header, refusing empty output, number
 * formatting and YAML rendering. Imports nothing of ours.
 */
export { GENERATED_HEADER, GENERATED_NOTE, nonEmpty, withHeader, type GeneratedFile } from './file.js';
export { num, round, times } from './number.js';
export { renderYaml } from './yaml.js';
