/** Plain-text tables for terminal output. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export const ms = (seconds: number | undefined): string => (seconds === undefined ? '-' : `${(seconds * 1000).toFixed(1)}ms`);

/** The banner `up` and `stack` print once everything listens; the last line is what tests wait for. */
export function printBanner(title: string, urls: readonly (readonly [string, string])[]): void {
  const width = Math.max(...urls.map(([n]) => n.length));
  console.log(`${title}\n`);
  for (const [name, url] of urls) console.log(`  ${name.padEnd(width)}  ${url}`);
  console.log('\nPress Ctrl-C to stop.');
}
