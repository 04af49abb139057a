import type { Role } from "../../common/enums.js";
import type { Actor } from "./context.js";
import { AppError } from "./errors.js";

export const permissions = [
  "org.read",
  "org.write",
  "user.manage",
  "audit.read",
  "audit.verify",
  "file.upload",
  "settings.manage",
  "enterprise.read",
  "enterprise.write",
  "enterprise.import",
  "enterprise.merge",
  "project.read",
  "project.write",
  "project.credit",
  "project.node",
  "project.template",
  "review.manage",
  "review.score",
  "expert.manage",
  "activity.read",
  "activity.write",
  "problem.read",
  "problem.write",
  "problem.handle",
  "meeting.write",
] as const;
export type Permission = (typeof permissions)[number];

/** What each role may do inside its scope; a user's rights are the union over their roles. */
const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  leader: [
    "org.read",
    "audit.read",
    "file.upload",
    "enterprise.read",
    "project.read",
    "project.credit",
    "activity.read",
    "problem.read",
    "meeting.write",
  ],
  team_lead: [
    "org.read",
    "file.upload",
    "enterprise.read",
    "enterprise.write",
    "enterprise.import",
    "enterprise.merge",
    "project.read",
    "project.write",
    "project.credit",
    "review.manage",
    "expert.manage",
    "activity.read",
    "activity.write",
    "problem.read",
    "problem.write",
    "meeting.write",
  ],
  officer: [
    "org.read",
    "file.upload",
    "enterprise.read",
    "enterprise.write",
    "enterprise.import",
    "project.read",
    "project.write",
    "review.manage",
    "activity.read",
    "activity.write",
    "problem.read",
    "problem.write",
  ],
  service_specialist: [
    "org.read",
    "file.upload",
    "enterprise.read",
    "enterprise.write",
    "enterprise.import",
    "project.read",
    "activity.read",
    "activity.write",
    "problem.read",
  ],
  department_handler: [
    "org.read",
    "file.upload",
    "enterprise.read",
    "project.read",
    "project.node",
    "activity.read",
    "problem.read",
    "problem.handle",
  ],
  expert: ["file.upload", "project.read", "review.score"],
  enterprise: ["file.upload", "enterprise.read"],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => rolePermissions[r]));
}

export function requirePermission(granted: ReadonlySet<Permission>, needed: Permission): void {
  if (!granted.has(needed)) throw new AppError("FORBIDDEN");
}

/** The actor scheduled jobs read with: every region, every right; it never signs an audit entry. */
export const systemActor: Actor = {
  id: "00000000-0000-7000-8000-000000000000",
  username: "system",
  name: "系统",
  roles: ["admin"],
  grants: [{ kind: "all", refId: null }],
  permissions: new Set(permissions),
  regionId: null,
  departmentId: null,
};
