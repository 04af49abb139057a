import { and, eq } from "drizzle-orm";
import { MAX_VIEWS_PER_LIST, type ViewCreate, type ViewUpdate } from "../../../common/views.schema.js";
import { audit, changed } from "../audit/audit.service.js";
import { type ActorCtx, inTx } from "../context.js";
import { mapConstraint } from "../db-errors.js";
import { AppError, notFound, stale } from "../errors.js";
import { newId } from "../ids.js";
import { getView, ownViewCount, unitOf, type ViewRow } from "./views.queries.js";
import { savedView } from "./views.table.js";

const duplicateName = {
  duplicate: { zh: "您在该列表已有同名视图，请换一个名称", en: "You already have a view of that name here" },
  field: "name",
};

// Audit entries name the view; "setting" is the subject type of per-user configuration.
const label = (name: string) => `列表视图：${name}`;

/** Only a view's owner renames, reshares or deletes it: others it is shared with get 403. */
async function ownView(ctx: ActorCtx, id: string): Promise<ViewRow> {
  const view = await getView(ctx.db, ctx.actor, id);
  if (!view) throw notFound();
  if (!view.mine) {
    throw new AppError("FORBIDDEN", {
      zh: "只能修改或删除自己保存的视图",
      en: "Only the view's owner may change or delete it",
    });
  }
  return view;
}

function unitForSharing(ctx: ActorCtx) {
  const unit = unitOf(ctx.actor);
  if (!unit) {
    throw new AppError(
      "VALIDATION",
      { zh: "您的账号没有所属部门或行政区，无法共享视图", en: "Your account has no unit to share with" },
      [{ path: "shared", message: "账号没有所属单位" }],
    );
  }
  return unit;
}

export async function createView(ctx: ActorCtx, input: ViewCreate): Promise<ViewRow> {
  const id = newId();
  await mapConstraint(
    () =>
      inTx(ctx, async (tx) => {
        if ((await ownViewCount(tx.db, tx.actor.id, input.listKey)) >= MAX_VIEWS_PER_LIST) {
          throw new AppError("CONFLICT", {
            zh: `每个列表最多保存 ${MAX_VIEWS_PER_LIST} 个视图，请先删除不用的视图`,
            en: `At most ${MAX_VIEWS_PER_LIST} views per list; delete one first`,
          });
        }
        const unit = input.shared ? unitForSharing(tx) : unitOf(tx.actor);
        await tx.db.insert(savedView).values({
          id,
          listKey: input.listKey,
          name: input.name,
          ownerId: tx.actor.id,
          regionId: tx.actor.regionId,
          unitKind: unit?.kind ?? null,
          unitId: unit?.id ?? null,
          shared: input.shared,
          state: input.state,
        });
        await audit(tx, {
          action: "create",
          subjectType: "setting",
          subjectId: id,
          regionId: tx.actor.regionId,
          after: { listKey: input.listKey, name: input.name, shared: input.shared, state: input.state },
          meta: { label: label(input.name) },
        });
      }),
    duplicateName,
  );
  return (await getView(ctx.db, ctx.actor, id))!;
}

export async function updateView(ctx: ActorCtx, id: string, input: ViewUpdate): Promise<ViewRow> {
  await mapConstraint(
    () =>
      inTx(ctx, async (tx) => {
        const before = await ownView(tx, id);
        const { version, ...patch } = input;
        if (before.version !== version) throw stale();
        const shared = patch.shared ?? before.shared;
        const unit = shared ? unitForSharing(tx) : unitOf(tx.actor);
        const rows = await tx.db
          .update(savedView)
          .set({
            ...patch,
            unitKind: unit?.kind ?? null,
            unitId: unit?.id ?? null,
            version: version + 1,
            updatedAt: tx.now(),
          })
          .where(and(eq(savedView.id, id), eq(savedView.version, version)))
          .returning({ id: savedView.id });
        if (rows.length === 0) throw stale();
        const after = (await getView(tx.db, tx.actor, id))!;
        const pick = (v: ViewRow) => ({ name: v.name, shared: v.shared, state: v.state });
        await audit(tx, {
          action: "update",
          subjectType: "setting",
          subjectId: id,
          regionId: before.regionId,
          ...changed(pick(before), pick(after)),
          meta: { label: label(after.name), listKey: before.listKey },
        });
      }),
    duplicateName,
  );
  return (await getView(ctx.db, ctx.actor, id))!;
}

export async function deleteView(ctx: ActorCtx, id: string, version: number): Promise<void> {
  await inTx(ctx, async (tx) => {
    const before = await ownView(tx, id);
    if (before.version !== version) throw stale();
    await tx.db.delete(savedView).where(eq(savedView.id, id));
    await audit(tx, {
      action: "delete",
      subjectType: "setting",
      subjectId: id,
      regionId: before.regionId,
      before: { listKey: before.listKey, name: before.name, shared: before.shared, state: before.state },
      meta: { label: label(before.name) },
    });
  });
}
