import { and, eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { SubjectType } from "../../common/enums.js";
import { audit, changed } from "./audit/audit.service.js";
import { type ActorCtx, inTx } from "./context.js";
import { type ConstraintTexts, mapConstraint } from "./db-errors.js";
import { notFound, stale } from "./errors.js";
import { newId } from "./ids.js";
import { type Permission, requirePermission } from "./policy.js";

/** What a versioned, region-owned record needs for audited create, update and delete. */
export interface RecordKind<Row extends { regionId: string; name: string; version: number }, Input> {
  subjectType: SubjectType;
  table: PgTable & { id: PgColumn; version: PgColumn };
  permission: Permission;
  texts: ConstraintTexts;
  /** the record as the API presents it, inside the actor's scope, or null */
  get: (ctx: ActorCtx, id: string) => Promise<Row | null>;
  /** reference checks before a write (404 outside scope, 400 for bad links) */
  check: (ctx: ActorCtx, input: Partial<Input>, before?: Row) => Promise<void>;
  /** columns computed from the input (search keys, normalised codes), written with it */
  derive?: (input: Partial<Input>, before?: Row) => Record<string, unknown>;
}

export async function createRecord<
  Row extends { regionId: string; name: string; version: number },
  Input extends object,
>(ctx: ActorCtx, kind: RecordKind<Row, Input>, input: Input): Promise<Row> {
  requirePermission(ctx.actor.permissions, kind.permission);
  return inTx(ctx, async (tx) => {
    await kind.check(tx, input);
    const id = newId();
    await mapConstraint(
      () => tx.db.insert(kind.table).values({ id, ...input, ...kind.derive?.(input) } as never),
      kind.texts,
    );
    const created = (await kind.get(tx, id))!;
    await audit(tx, {
      action: "create",
      subjectType: kind.subjectType,
      subjectId: id,
      regionId: created.regionId,
      after: created,
      meta: { label: created.name },
    });
    return created;
  });
}

/** Reads in scope (404), checks the permission (403), writes only if the version still matches (409). */
export async function updateRecord<
  Row extends { regionId: string; name: string; version: number },
  Input extends object,
>(
  ctx: ActorCtx,
  kind: RecordKind<Row, Input>,
  id: string,
  input: Partial<Input> & { version: number },
): Promise<Row> {
  return inTx(ctx, async (tx) => {
    const before = await kind.get(tx, id);
    if (!before) throw notFound();
    requirePermission(tx.actor.permissions, kind.permission);
    const { version, ...patch } = input;
    await kind.check(tx, patch as Partial<Input>, before);
    const rows = await mapConstraint(
      () =>
        tx.db
          .update(kind.table)
          .set({
            ...patch,
            ...kind.derive?.(patch as Partial<Input>, before),
            version: version + 1,
            updatedAt: tx.now(),
          } as never)
          .where(and(eq(kind.table.id, id), eq(kind.table.version, version)))
          .returning({ id: kind.table.id }),
      kind.texts,
    );
    if (rows.length === 0) throw stale();
    const after = (await kind.get(tx, id))!;
    await audit(tx, {
      action: "update",
      subjectType: kind.subjectType,
      subjectId: id,
      regionId: after.regionId,
      ...changed(before, after),
      meta: { label: after.name },
    });
    return after;
  });
}

export async function deleteRecord<Row extends { regionId: string; name: string; version: number }, Input>(
  ctx: ActorCtx,
  kind: RecordKind<Row, Input>,
  id: string,
  version: number,
): Promise<void> {
  await inTx(ctx, async (tx) => {
    const before = await kind.get(tx, id);
    if (!before) throw notFound();
    requirePermission(tx.actor.permissions, kind.permission);
    if (before.version !== version) throw stale();
    await mapConstraint(() => tx.db.delete(kind.table).where(eq(kind.table.id, id)), kind.texts);
    await audit(tx, {
      action: "delete",
      subjectType: kind.subjectType,
      subjectId: id,
      regionId: before.regionId,
      before,
      meta: { label: before.name },
    });
  });
}
