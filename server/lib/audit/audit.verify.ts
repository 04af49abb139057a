import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { ChainReport, VerifyReport } from "../../../common/audit.schema.js";
import type { DbOrTx } from "../../db/client.js";
import { region } from "../../modules/org/org.table.js";
import { GENESIS, GLOBAL_CHAIN, rowHash } from "./audit.chain.js";
import { auditHead, auditLog } from "./audit.table.js";

const BATCH = 5000;

/** Recomputes every chain; names the first row that was edited, removed or reordered. */
export async function verifyAudit(db: DbOrTx, secret: string, chainKeys?: string[]): Promise<VerifyReport> {
  const heads = await db.select().from(auditHead);
  const logged = await db.selectDistinct({ chainKey: auditLog.chainKey }).from(auditLog);
  let keys = [...new Set([...heads.map((h) => h.chainKey), ...logged.map((l) => l.chainKey)])].sort();
  if (chainKeys) keys = keys.filter((k) => chainKeys.includes(k));
  const names = await chainNames(db, keys);
  const chains: ChainReport[] = [];
  for (const key of keys) {
    const head = heads.find((h) => h.chainKey === key) ?? null;
    chains.push({ ...(await verifyChain(db, secret, key, head)), chainName: names.get(key) ?? key });
  }
  return { ok: chains.every((c) => c.ok), chains };
}

async function verifyChain(
  db: DbOrTx,
  secret: string,
  chainKey: string,
  head: { seq: number; hash: string } | null,
): Promise<Omit<ChainReport, "chainName">> {
  let prev = GENESIS;
  let expected = 1;
  let rows = 0;
  const bad = (seq: number, id: string | null, reason: string) => ({
    chainKey,
    rows,
    ok: false,
    firstBad: { seq, id, reason },
  });
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.chainKey, chainKey), gt(auditLog.seq, expected - 1)))
      .orderBy(asc(auditLog.seq))
      .limit(BATCH);
    for (const r of batch) {
      if (r.seq !== expected) return bad(expected, null, `第 ${expected} 条记录缺失 (row missing)`);
      if (r.prevHash !== prev) return bad(r.seq, r.id, "前序哈希不符 (previous hash does not match)");
      const { prevHash: _p, hash, ...fields } = r;
      if (rowHash(secret, prev, fields) !== hash)
        return bad(r.seq, r.id, "记录内容被改动 (row content was altered)");
      prev = hash;
      expected += 1;
      rows += 1;
    }
    if (batch.length < BATCH) break;
  }
  if (!head) return bad(expected, null, "链头检查点缺失 (chain head checkpoint missing)");
  if (head.seq !== expected - 1 || head.hash !== prev) {
    const why =
      head.seq > expected - 1
        ? `末尾记录被删除:检查点为第 ${head.seq} 条,实际只到第 ${expected - 1} 条 (rows removed from the end)`
        : "链头检查点与记录不符 (head checkpoint does not match)";
    return bad(Math.min(head.seq, expected), null, why);
  }
  return { chainKey, rows, ok: true, firstBad: null };
}

async function chainNames(db: DbOrTx, keys: string[]): Promise<Map<string, string>> {
  const ids = keys.filter((k) => k !== GLOBAL_CHAIN);
  const out = new Map<string, string>([[GLOBAL_CHAIN, "全局 (global)"]]);
  if (ids.length === 0) return out;
  const rows = await db
    .select({ id: region.id, name: region.name })
    .from(region)
    .where(inArray(region.id, ids));
  for (const r of rows) out.set(r.id, r.name);
  return out;
}
