import { and, asc, eq, gt, inArray, or, type SQL } from "drizzle-orm";
import type { ChainReport, VerifyReport } from "../../../common/audit.schema.js";
import type { DbOrTx } from "../../db/client.js";
import { region } from "../../modules/org/org.table.js";
import { GENESIS, GLOBAL_CHAIN, rowHash } from "./audit.chain.js";
import { auditHead, auditLog } from "./audit.table.js";

const BATCH = 5000;

interface ChainState {
  prev: string;
  expected: number;
  rows: number;
  bad: ChainReport["firstBad"];
}

/**
 * Recomputes every chain in one ordered pass over the log and compares each
 * chain's end with its head checkpoint; names the first edited, missing or cut row.
 */
export async function verifyAudit(db: DbOrTx, secret: string, chainKeys?: string[]): Promise<VerifyReport> {
  const heads = await db
    .select()
    .from(auditHead)
    .where(chainKeys ? inArray(auditHead.chainKey, chainKeys) : undefined);
  const states = new Map<string, ChainState>();
  const stateOf = (key: string) => {
    let s = states.get(key);
    if (!s) {
      s = { prev: GENESIS, expected: 1, rows: 0, bad: null };
      states.set(key, s);
    }
    return s;
  };
  let after: { chainKey: string; seq: number } | null = null;
  for (;;) {
    const cursor: SQL | undefined = after
      ? or(
          gt(auditLog.chainKey, after.chainKey),
          and(eq(auditLog.chainKey, after.chainKey), gt(auditLog.seq, after.seq)),
        )
      : undefined;
    const batch = await db
      .select()
      .from(auditLog)
      .where(and(chainKeys ? inArray(auditLog.chainKey, chainKeys) : undefined, cursor))
      .orderBy(asc(auditLog.chainKey), asc(auditLog.seq))
      .limit(BATCH);
    for (const r of batch) {
      const s = stateOf(r.chainKey);
      if (s.bad) continue;
      const { prevHash, hash, ...fields } = r;
      if (r.seq !== s.expected)
        s.bad = { seq: s.expected, id: null, reason: `第 ${s.expected} 条记录缺失 (row missing)` };
      else if (prevHash !== s.prev)
        s.bad = { seq: r.seq, id: r.id, reason: "前序哈希不符 (previous hash does not match)" };
      else if (rowHash(secret, s.prev, fields) !== hash) {
        s.bad = { seq: r.seq, id: r.id, reason: "记录内容被改动 (row content was altered)" };
      } else {
        s.prev = hash;
        s.expected += 1;
        s.rows += 1;
      }
    }
    const last = batch.at(-1);
    if (!last || batch.length < BATCH) break;
    after = { chainKey: last.chainKey, seq: last.seq };
  }
  for (const h of heads) stateOf(h.chainKey);
  const names = await chainNames(db, [...states.keys()]);
  const chains: ChainReport[] = [...states.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, s]) => {
      const head = heads.find((h) => h.chainKey === key);
      return {
        chainKey: key,
        chainName: names.get(key) ?? key,
        rows: s.rows,
        ok: false,
        firstBad: s.bad ?? headProblem(s, head),
      };
    })
    .map((c) => ({ ...c, ok: c.firstBad === null }));
  return { ok: chains.every((c) => c.ok), chains };
}

function headProblem(
  s: ChainState,
  head: { seq: number; hash: string } | undefined,
): ChainReport["firstBad"] {
  const lastSeq = s.expected - 1;
  if (!head) return { seq: s.expected, id: null, reason: "链头检查点缺失 (chain head checkpoint missing)" };
  if (head.seq === lastSeq && head.hash === s.prev) return null;
  if (head.seq > lastSeq) {
    return {
      seq: s.expected,
      id: null,
      reason: `末尾记录被删除：检查点为第 ${head.seq} 条，实际只到第 ${lastSeq} 条 (rows removed from the end)`,
    };
  }
  return { seq: head.seq, id: null, reason: "链头检查点与记录不符 (head checkpoint does not match)" };
}

async function chainNames(db: DbOrTx, keys: string[]): Promise<Map<string, string>> {
  const ids = keys.filter((k) => k !== GLOBAL_CHAIN && /^[0-9a-f-]{36}$/.test(k));
  const out = new Map<string, string>([[GLOBAL_CHAIN, "全局 (global)"]]);
  if (ids.length === 0) return out;
  const rows = await db
    .select({ id: region.id, name: region.name })
    .from(region)
    .where(inArray(region.id, ids));
  for (const r of rows) out.set(r.id, r.name);
  return out;
}
