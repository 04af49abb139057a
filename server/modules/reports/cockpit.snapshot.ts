import { createHash } from "node:crypto";
import type { Cockpit, CockpitQuery } from "../../../common/cockpit.schema.js";
import type { ActorCtx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { getCockpit } from "./cockpit.service.js";

/** Scopes kept at most; the oldest seen goes first (answers past staleness go before that). */
const MAX_SCOPES = 200;

interface Entry {
  value: Cockpit | null;
  /** when `value` was computed (ms) */
  at: number;
  pending: Promise<Cockpit> | null;
}

/**
 * What an answer depends on besides the data: who may read what where (not who asks: leaders
 * of the same scope and permissions, and every wall screen of one, share one answer), the
 * query and the day.
 */
const scopeKey = (ctx: ActorCtx, query: CockpitQuery) => {
  const a = ctx.actor;
  const shape = JSON.stringify([
    a.grants.map((g) => [g.kind, g.refId]).sort(),
    [...a.permissions].sort(),
    a.regionId,
    a.departmentId,
    query.regionId ?? null,
    query.year ?? null,
    chinaDay(ctx.now()),
  ]);
  return createHash("sha256").update(shape).digest("base64url");
};

/**
 * The cockpit's answers kept per scope (a wall screen reads every minute, and every screen of a
 * scope reads the same thing). A read within `maxAgeMs` of an answer's computation gets it at
 * once. A later read also gets it at once and has it computed again in the background; its
 * `generatedAt` says how old it is. Past `staleMs`, or for a scope not read yet, the read waits
 * for a fresh computation, which the reads arriving meanwhile share. `maxAgeMs` 0: every read
 * computes.
 */
export function cockpitSnapshots(maxAgeMs: number, staleMs = 10 * maxAgeMs) {
  const entries = new Map<string, Entry>();
  const refresh = (e: Entry, compute: () => Promise<Cockpit>) => {
    const p = compute()
      .then((v) => {
        e.value = v;
        e.at = Date.parse(v.generatedAt);
        return v;
      })
      .finally(() => {
        e.pending = null;
      });
    e.pending = p;
    return p;
  };

  return {
    async read(ctx: ActorCtx, query: CockpitQuery): Promise<Cockpit> {
      const compute = () => getCockpit(ctx, query);
      if (maxAgeMs <= 0) return compute();
      const key = scopeKey(ctx, query);
      let e = entries.get(key);
      const now = ctx.now().getTime();
      if (!e) {
        // A new scope (or a new day): first drop the answers no read would be served any more.
        for (const [k, x] of entries) if (!x.pending && now - x.at >= staleMs) entries.delete(k);
        if (entries.size >= MAX_SCOPES) entries.delete(entries.keys().next().value!);
        e = { value: null, at: 0, pending: null };
        entries.set(key, e);
      }
      const age = now - e.at;
      if (e.value && age < maxAgeMs) return e.value;
      if (e.value && age < staleMs) {
        if (!e.pending) refresh(e, compute).catch((err) => ctx.log.warn({ err }, "驾驶舱后台刷新失败"));
        return e.value;
      }
      return e.pending ?? refresh(e, compute);
    },
  };
}
