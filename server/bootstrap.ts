import { hashPassword } from "better-auth/crypto";
import { count } from "drizzle-orm";
import pino from "pino";
import type { Config } from "./config.js";
import { type Database, migrate } from "./db/client.js";
import { demoData } from "./demo/demo.data.js";
import { type DemoAccount, loadDemo } from "./demo/demo.load.js";
import { audit } from "./lib/audit/audit.service.js";
import { type Ctx, inTx } from "./lib/context.js";
import { newId } from "./lib/ids.js";
import { ensureRegions } from "./modules/org/regions.reference.js";
import { generatePassword } from "./modules/users/users.service.js";
import { credentials, userRoles, userScopes, users } from "./modules/users/users.table.js";

export type FirstStart =
  | { kind: "existing" }
  | { kind: "demo"; accounts: DemoAccount[]; password: string }
  | { kind: "admin"; username: string; password: string; generated: boolean };

export function systemCtx(database: Database, secret: string): Ctx {
  return {
    db: database.db,
    actor: null,
    lang: "zh-CN",
    now: () => new Date(),
    log: pino({ level: "silent" }),
    requestId: "system",
    secret,
  };
}

/** Migrates, loads reference data, and on an empty database loads the demo or creates the first admin. */
export async function prepareDatabase(
  database: Database,
  config: Config,
  secret: string,
): Promise<FirstStart> {
  await migrate(database);
  await ensureRegions(database.db);
  const [n] = await database.db.select({ n: count() }).from(users);
  if ((n?.n ?? 0) > 0) return { kind: "existing" };
  const ctx = systemCtx(database, secret);
  if (config.demo) {
    const accounts = await loadDemo(ctx, demoData, config.demoPassword);
    return { kind: "demo", accounts, password: config.demoPassword };
  }
  const password = config.adminPassword ?? generatePassword(16);
  await createAdmin(ctx, "admin", password, !config.adminPassword);
  return { kind: "admin", username: "admin", password, generated: !config.adminPassword };
}

async function createAdmin(ctx: Ctx, username: string, password: string, mustChange: boolean) {
  const hash = await hashPassword(password);
  await inTx(ctx, async (tx) => {
    const id = newId();
    await tx.db.insert(users).values({
      id,
      username,
      displayUsername: username,
      name: "系统管理员",
      email: `${username}@users.zhaoyin.invalid`,
      mustChangePassword: mustChange,
    });
    await tx.db
      .insert(credentials)
      .values({ id: newId(), accountId: id, providerId: "credential", userId: id, password: hash });
    await tx.db.insert(userRoles).values({ userId: id, role: "admin" });
    await tx.db.insert(userScopes).values({ id: newId(), userId: id, kind: "all", refId: null });
    await audit(tx, {
      action: "create",
      subjectType: "user",
      subjectId: id,
      regionId: null,
      after: { username, roles: ["admin"] },
    });
  });
}
