import type { FastifyBaseLogger } from "fastify";
import type { Role, ScopeKind } from "../../common/enums.js";
import type { Lang } from "../../common/errors.js";
import type { DbOrTx } from "../db/client.js";
import type { Permission } from "./policy.js";

export interface Grant {
  kind: ScopeKind;
  refId: string | null;
  /** for region grants: the region's path, so a subtree is one prefix match */
  path?: string;
}

export interface Actor {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  grants: Grant[];
  permissions: Set<Permission>;
  regionId: string | null;
  departmentId: string | null;
}

/** What every service call receives. */
export interface Ctx {
  db: DbOrTx;
  actor: Actor | null;
  lang: Lang;
  now: () => Date;
  log: FastifyBaseLogger;
  requestId: string;
  /** HMAC key of the audit chain */
  secret: string;
}

export interface ActorCtx extends Ctx {
  actor: Actor;
}

/** Runs fn in one transaction: all or nothing. */
export function inTx<C extends Ctx, T>(ctx: C, fn: (tx: C) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx }));
}
