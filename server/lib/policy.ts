import type { Role } from "../../common/enums.js";
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
] as const;
export type Permission = (typeof permissions)[number];

/** What each role may do inside its scope; a user's rights are the union over their roles. */
const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  leader: ["org.read", "audit.read", "file.upload", "enterprise.read"],
  team_lead: [
    "org.read",
    "file.upload",
    "enterprise.read",
    "enterprise.write",
    "enterprise.import",
    "enterprise.merge",
  ],
  officer: ["org.read", "file.upload", "enterprise.read", "enterprise.write", "enterprise.import"],
  service_specialist: ["org.read", "file.upload", "enterprise.read", "enterprise.write", "enterprise.import"],
  department_handler: ["org.read", "file.upload", "enterprise.read"],
  expert: ["file.upload"],
  enterprise: ["file.upload", "enterprise.read"],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => rolePermissions[r]));
}

export function requirePermission(granted: ReadonlySet<Permission>, needed: Permission): void {
  if (!granted.has(needed)) throw new AppError("FORBIDDEN");
}
