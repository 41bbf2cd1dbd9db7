/** Fenced code blocks of a markdown file, for tests that run a doc's examples. */
export interface CodeBlock {
  /** The fence's info string (`yaml`, `jsonl`). */
  readonly lang: string;
  readonly text: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

export function codeBlocks(markdown: string): CodeBlock[] {
  const out: CodeBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)/.exec(lines[i] as string);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !(lines[i] as string).startsWith('```'); i++) body.push(lines[i] as string);
    out.push({ lang: open[1] as string, text: body.join('\n'), line: start + 1 });
  }
  return out;
}
