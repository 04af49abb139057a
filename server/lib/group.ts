/** Map.groupBy is Node 21+; this skips null keys. */
export function groupBy<T>(xs: readonly T[], key: (x: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    if (k !== null) out.set(k, [...(out.get(k) ?? []), x]);
  }
  return out;
}
