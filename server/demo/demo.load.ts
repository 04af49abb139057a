import { hashPassword } from "better-auth/crypto";
import type { Role } from "../../common/enums.js";
import { auditBatch } from "../lib/audit/audit.service.js";
import { type Ctx, inTx } from "../lib/context.js";
import { newId } from "../lib/ids.js";
import { department, park, team } from "../modules/org/org.table.js";
import * as rq from "../modules/org/regions.queries.js";
import { credentials, userRoles, userScopes, users } from "../modules/users/users.table.js";
import type { DemoData } from "./demo.types.js";

export interface DemoAccount {
  username: string;
  name: string;
  roles: Role[];
}

/** Loads the demo organisation in one transaction, with one audit entry per kind of record. */
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
    const refOf = async (kind: string, ref: string | null): Promise<string | null> => {
      if (!ref) return null;
      if (kind === "region") return (await regionOf(ref)).id;
      const map =
        kind === "park" ? parks : kind === "team" ? teams : kind === "department" ? departments : null;
      const id = map?.get(ref);
      if (!id) throw new Error(`demo data: unknown ${kind} ${ref}`);
      return id;
    };
    const userIds: string[] = [];
    for (const u of data.users) {
      const id = newId();
      userIds.push(id);
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
      ...userIds,
    ].map((x) => (typeof x === "string" ? x : x.id));
    await auditBatch(tx, { action: "demo_load", subjectType: "region", regionId: null, ids, counts });
    return data.users.map((u) => ({ username: u.username, name: u.name, roles: u.roles }));
  });
}
