/** One line for a server that could not listen, naming the config field. */
export function listenError(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException & { field?: string };
  if (e?.code === 'EADDRINUSE') return `${e.field ?? 'listen'}: address already in use (is another hookwatch running?)`;
  if (e?.code === 'EACCES' || e?.code === 'EADDRNOTAVAIL') return `${e.field ?? 'listen'}: cannot listen (${e.code})`;
  return undefined;
}
