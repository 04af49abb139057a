/** One line of a before/after comparison. */
export interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Keys every versioned record carries that say nothing to a reader. */
const noise = new Set(["id", "version", "createdAt", "updatedAt", "passwordHash"]);

/** Fields a reader looks for first; the rest follow in stored order. */
const order = [
  "name",
  "username",
  "shortName",
  "kind",
  "level",
  "code",
  "regionName",
  "parentName",
  "parkName",
];
const rank = (k: string): number => {
  const i = order.indexOf(k);
  return i < 0 ? order.length : i;
};

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
  const all = new Set([...Object.keys(b), ...Object.keys(a)]);
  // An id beside its name (regionId + regionName) says the same thing twice, less readably.
  const keys = [...all]
    .filter((k) => !noise.has(k) && !(k.endsWith("Id") && all.has(`${k.slice(0, -2)}Name`)))
    .sort((x, y) => rank(x) - rank(y));
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

/**
 * A readable name for the record an entry is about, when the entry carries
 * one. meta.label (the record's name or username) comes first: it is there
 * even when there is no before/after, as on a user's unlock or reset_password.
 */
export const subjectName = (before: unknown, after: unknown, meta?: unknown): string | null => {
  if (isRecord(meta) && typeof meta.label === "string" && meta.label) return meta.label;
  for (const v of [after, before]) {
    if (isRecord(v)) {
      const n = v.name ?? v.username ?? v.title;
      if (typeof n === "string" && n) return n;
    }
  }
  return null;
};
