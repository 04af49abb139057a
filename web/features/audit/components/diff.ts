/** One line of a before/after comparison. */
export interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Keys every versioned record carries that say nothing to a reader. */
const noise = new Set(["id", "version", "createdAt", "updatedAt", "passwordHash"]);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields of a change: for an update only those that differ; for a
 * create or a delete every field that holds something.
 */
export const diffRows = (before: unknown, after: unknown): DiffRow[] => {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !noise.has(k));
  const both = isRecord(before) && isRecord(after);
  return keys
    .map((key) => ({ key, before: b[key], after: a[key], changed: !same(b[key], a[key]) }))
    .filter((r) =>
      both
        ? r.changed
        : !(r.before === null || r.before === undefined) || !(r.after === null || r.after === undefined),
    );
};

/** "park.create" → "create"; a bare verb stays as it is. */
export const actionVerb = (action: string): string => action.split(/[.:/]/).pop() ?? action;

/** A readable name for the record an entry is about, when the entry carries one. */
export const subjectName = (before: unknown, after: unknown): string | null => {
  for (const v of [after, before]) {
    if (isRecord(v)) {
      const n = v.name ?? v.username ?? v.title;
      if (typeof n === "string" && n) return n;
    }
  }
  return null;
};
