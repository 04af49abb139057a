import { eq } from "drizzle-orm";
import type { Settings } from "../../../common/settings.schema.js";
import type { DbOrTx } from "../../db/client.js";
import { audit } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { requirePermission } from "../../lib/policy.js";
import { setting } from "./settings.table.js";

const defaults: Settings = { watermark: true, mapBaseUrl: null };

export async function getSettings(db: DbOrTx): Promise<Settings> {
  const rows = await db.select().from(setting);
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return { ...defaults, ...stored } as Settings;
}

export async function updateSettings(ctx: ActorCtx, patch: Partial<Settings>): Promise<Settings> {
  requirePermission(ctx.actor.permissions, "settings.manage");
  return inTx(ctx, async (tx) => {
    const before = await getSettings(tx.db);
    for (const [key, value] of Object.entries(patch)) {
      const [existing] = await tx.db.select().from(setting).where(eq(setting.key, key));
      if (existing) {
        await tx.db
          .update(setting)
          .set({ value, version: existing.version + 1, updatedAt: tx.now() })
          .where(eq(setting.key, key));
      } else {
        await tx.db.insert(setting).values({ key, value });
      }
    }
    const after = await getSettings(tx.db);
    await audit(tx, { action: "update", subjectType: "setting", regionId: null, before, after });
    return after;
  });
}
