import type { Strength } from "../../../common/chain.schema.js";

/**
 * Link strengths for the prospect ranking, kept per database for a minute. Ranking 50k prospects
 * needs the strength of every link they would fill, which aggregates every firm on those chains
 * (100k firms: seconds on PGlite); strengths change when firms, links or rules change. This
 * module's own writes clear the cache at once (`strengthsChanged`); a change in the registry (a
 * firm's new year figures or labels) shows in the ranking within `TTL_MS`. Chain maps and the gap
 * report always compute afresh. Reads inside a transaction use their own handle and never hit it.
 */
export const TTL_MS = 60_000;

type Row = { id: string; strength: Strength; name: string };
const byDb = new WeakMap<object, Map<string, { at: number; epoch: number; rows: Row[] }>>();
let epoch = 0;

export const strengthsChanged = () => {
  epoch++;
};

export async function cachedStrengths(
  db: object,
  chainIds: string[],
  now: number,
  compute: () => Promise<Row[]>,
): Promise<Row[]> {
  const key = [...chainIds].sort().join(",");
  const mine = byDb.get(db) ?? new Map();
  byDb.set(db, mine);
  const hit = mine.get(key);
  if (hit && hit.epoch === epoch && now - hit.at < TTL_MS) return hit.rows;
  const rows = await compute();
  mine.set(key, { at: now, epoch, rows });
  return rows;
}
