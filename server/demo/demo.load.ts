import { hashPassword } from "better-auth/crypto";
import { enterpriseCreate, labelCreate, yearUpsert } from "../../common/enterprise.schema.js";
import type { Role } from "../../common/enums.js";
import { usccProblem } from "../../common/uscc.js";
import type { DbOrTx } from "../db/client.js";
import { auditBatch } from "../lib/audit/audit.service.js";
import { type Actor, type ActorCtx, type Ctx, inTx } from "../lib/context.js";
import { newId } from "../lib/ids.js";
import { permissionsOf } from "../lib/policy.js";
import { addLabel, createEnterprise, saveYear } from "../modules/enterprises/enterprises.service.js";
import { department, park, team } from "../modules/org/org.table.js";
import * as rq from "../modules/org/regions.queries.js";
import { loadActorRows } from "../modules/users/users.queries.js";
import { credentials, userRoles, userScopes, users } from "../modules/users/users.table.js";
import { loadDemoBulletins } from "./demo.bulletins.js";
import { loadDemoChains } from "./demo.chains.js";
import { loadDemoEvaluation } from "./demo.evaluation.js";
import { loadDemoFunds } from "./demo.funds.js";
import { loadDemoKpi } from "./demo.kpi.js";
import { loadDemoProjects } from "./demo.projects.js";
import { loadDemoService } from "./demo.service.js";
import { loadDemoSites } from "./demo.sites.js";
import { loadDemoTalent } from "./demo.talent.js";
import type { DemoData, RegionRef } from "./demo.types.js";

export interface DemoAccount {
  username: string;
  name: string;
  roles: Role[];
}

/**
 * Loads the demo in one transaction: the organisation and users with one batch audit entry,
 * then the enterprises through the enterprise service as the demo administrator, so each firm,
 * label and yearly figure is validated and audited as if entered by hand. Enterprise scopes
 * are granted last, once their firms exist.
 */
export async function loadDemo(ctx: Ctx, data: DemoData, password: string): Promise<DemoAccount[]> {
  const hash = await hashPassword(password);
  return inTx(ctx, async (tx) => {
    const db = tx.db;
    const regions = new Map<string, { id: string; path: string }>();
    const regionOf = async (ref: string) => {
      const known = regions.get(ref);
      if (known) return known;
      const row = await rq.regionByCode(db, ref);
      if (!row) throw new Error(`demo data: unknown region ${ref}`);
      regions.set(ref, row);
      return row;
    };
    for (const p of data.platforms) {
      const parent = await regionOf(p.parent);
      const id = newId();
      const row = {
        id,
        code: null,
        name: p.name,
        level: "platform",
        parentId: parent.id,
        path: `${parent.path}${id}/`,
      };
      await rq.insertRegion(db, row);
      regions.set(p.key, row);
    }
    const parks = new Map<string, string>();
    // Parents first, so sub-parks can point at them.
    const ordered = [...data.parks].sort((a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)));
    for (const p of ordered) {
      const id = newId();
      parks.set(p.key, id);
      await db.insert(park).values({
        id,
        regionId: (await regionOf(p.region)).id,
        name: p.name,
        shortName: p.shortName ?? null,
        kind: p.kind,
        parentId: p.parent ? parks.get(p.parent)! : null,
        hostLocation: p.hostLocation ?? null,
        areaM2: p.areaM2 ?? null,
        outline: p.outline ? { type: "Polygon", coordinates: [p.outline] } : null,
        address: p.address ?? null,
        description: p.description,
      });
    }
    const teams = new Map<string, string>();
    for (const t of data.teams) {
      const id = newId();
      teams.set(t.key, id);
      await db.insert(team).values({
        id,
        regionId: (await regionOf(t.region)).id,
        parkId: t.park ? parks.get(t.park)! : null,
        name: t.name,
        kind: t.kind,
        stationCity: t.stationCity ?? null,
        leaderName: t.leaderName ?? null,
      });
    }
    const departments = new Map<string, string>();
    for (const d of data.departments) {
      const id = newId();
      departments.set(d.key, id);
      await db.insert(department).values({
        id,
        regionId: (await regionOf(d.region)).id,
        name: d.name,
        shortName: d.shortName ?? null,
      });
    }
    const enterprises = new Map<string, string>();
    const byKey: Record<string, Map<string, string>> = {
      park: parks,
      team: teams,
      department: departments,
      enterprise: enterprises,
    };
    const refOf = async (kind: string, ref: string | null): Promise<string | null> => {
      if (!ref) return null;
      if (kind === "region") return (await regionOf(ref)).id;
      const map = byKey[kind];
      const id = map?.get(ref);
      if (!id) throw new Error(`demo data: unknown ${kind} ${ref}`);
      return id;
    };
    const userIds = new Map<string, string>();
    const laterScopes: { userId: string; kind: "enterprise"; ref: string | null }[] = [];
    for (const u of data.users) {
      const id = newId();
      userIds.set(u.username, id);
      await db.insert(users).values({
        id,
        username: u.username,
        displayUsername: u.username,
        name: u.name,
        email: `${u.username}@users.zhaoyin.invalid`,
        regionId: u.region ? (await regionOf(u.region)).id : null,
        departmentId: u.department ? departments.get(u.department)! : null,
      });
      await db
        .insert(credentials)
        .values({ id: newId(), accountId: id, providerId: "credential", userId: id, password: hash });
      await db.insert(userRoles).values(u.roles.map((role) => ({ userId: id, role })));
      for (const s of u.scopes) {
        if (s.kind === "enterprise") {
          laterScopes.push({ userId: id, kind: s.kind, ref: s.ref });
          continue;
        }
        await db
          .insert(userScopes)
          .values({ id: newId(), userId: id, kind: s.kind, refId: await refOf(s.kind, s.ref) });
      }
    }
    const counts = {
      platforms: data.platforms.length,
      parks: data.parks.length,
      teams: data.teams.length,
      departments: data.departments.length,
      users: data.users.length,
    };
    const ids = [
      ...regions.values(),
      ...parks.values(),
      ...teams.values(),
      ...departments.values(),
      ...userIds.values(),
    ].map((x) => (typeof x === "string" ? x : x.id));
    await auditBatch(tx, { action: "demo_load", subjectType: "region", regionId: null, ids, counts });

    for (const [key, id] of await loadEnterprises(tx, data, { regionOf, parks, users: userIds })) {
      enterprises.set(key, id);
    }
    if (data.enterprises.length > 0) {
      const admin = data.users.find(
        (u) => u.roles.includes("admin") && u.scopes.some((s) => s.kind === "all"),
      )!;
      const as: ActorCtx = { ...tx, actor: await actorOf(tx.db, userIds.get(admin.username)!) };
      const refs = {
        regionId: (await regionOf("lishui-kfq")).id,
        parks,
        teams,
        departments,
        enterprises,
        users: userIds,
      };
      await loadDemoProjects(as, refs);
      await loadDemoSites(as, refs);
      await loadDemoChains(as, refs);
      await loadDemoService(
        async (username) => ({ ...tx, actor: await actorOf(tx.db, userIds.get(username)!) }),
        refs,
      );
      await loadDemoEvaluation(as, refs, (await regionOf("321002")).id);
      await loadDemoKpi(as, refs, async (code) => (await regionOf(code)).id);
      await loadDemoTalent(as, refs, (await regionOf("330114")).id);
      await loadDemoBulletins(as, refs.regionId);
      await loadDemoFunds(as, refs);
    }
    for (const s of laterScopes) {
      await db
        .insert(userScopes)
        .values({ id: newId(), userId: s.userId, kind: s.kind, refId: await refOf(s.kind, s.ref) });
    }
    return data.users.map((u) => ({ username: u.username, name: u.name, roles: u.roles }));
  });
}

interface Loaded {
  regionOf: (ref: RegionRef) => Promise<{ id: string }>;
  parks: Map<string, string>;
  users: Map<string, string>;
}

/**
 * Enters the firms through the enterprise service as the demo administrator (the first admin
 * with scope "all"), parsing each input with the API's schemas. Returns firm ids by key.
 */
async function loadEnterprises(tx: Ctx, data: DemoData, loaded: Loaded): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (data.enterprises.length === 0) return ids;
  const admin = data.users.find((u) => u.roles.includes("admin") && u.scopes.some((s) => s.kind === "all"));
  if (!admin) throw new Error("demo data: enterprises need an administrator with scope all");
  const as: ActorCtx = { ...tx, actor: await actorOf(tx.db, loaded.users.get(admin.username)!) };
  // A USCC carries the code of a coded region; a platform's is its nearest coded ancestor's.
  const codeOf = (ref: RegionRef): string => {
    const platform = data.platforms.find((p) => p.key === ref);
    return platform ? codeOf(platform.parent) : ref;
  };
  for (const e of data.enterprises) {
    const where = e.park ? data.parks.find((p) => p.key === e.park) : undefined;
    if (e.park && !where) throw new Error(`demo data: unknown park ${e.park} of ${e.key}`);
    const regionRef = where?.region ?? e.region;
    if (!regionRef || (where && e.region)) throw new Error(`demo data: ${e.key} needs a park or a region`);
    if (e.uscc && (usccProblem(e.uscc) || e.uscc.slice(2, 8) !== codeOf(regionRef))) {
      throw new Error(`demo data: ${e.key} needs a valid USCC of region ${codeOf(regionRef)}`);
    }
    const specialistId = e.specialist ? loaded.users.get(e.specialist) : undefined;
    if (e.specialist && !specialistId) throw new Error(`demo data: unknown user ${e.specialist}`);
    const firm = await createEnterprise(
      as,
      enterpriseCreate.parse({
        uscc: e.uscc,
        name: e.name,
        industryCode: e.industryCode,
        foundedOn: e.foundedOn ?? null,
        regionId: (await loaded.regionOf(regionRef)).id,
        parkId: where ? loaded.parks.get(where.key)! : null,
        specialistId: specialistId ?? null,
      }),
    );
    ids.set(e.key, firm.id);
    for (const label of e.labels) {
      await addLabel(as, firm.id, labelCreate.parse({ label, source: `来源：文章编号 ${e.source}` }));
    }
    for (const y of e.years ?? []) {
      await saveYear(as, firm.id, y.year, yearUpsert.parse({ ...y.figures, source: y.source }));
    }
  }
  return ids;
}

/** The acting user as a session would present them, for writes made on their behalf. */
async function actorOf(db: DbOrTx, userId: string): Promise<Actor> {
  const rows = await loadActorRows(db, userId);
  if (!rows) throw new Error(`demo data: user ${userId} missing`);
  return {
    id: rows.user.id,
    username: rows.user.username,
    name: rows.user.name,
    roles: rows.roles,
    grants: rows.grants.map(({ refName: _n, ...g }) => g),
    permissions: permissionsOf(rows.roles),
    regionId: rows.user.regionId,
    departmentId: rows.user.departmentId,
  };
}
