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
] as const;
export type Permission = (typeof permissions)[number];

/** What each role may do inside its scope; a user's rights are the union over their roles. */
const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  leader: ["org.read", "audit.read", "file.upload"],
  team_lead: ["org.read", "file.upload"],
  officer: ["org.read", "file.upload"],
  service_specialist: ["org.read", "file.upload"],
  department_handler: ["org.read", "file.upload"],
  expert: ["file.upload"],
  enterprise: ["file.upload"],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => rolePermissions[r]));
}

export function requirePermission(granted: ReadonlySet<Permission>, needed: Permission): void {
  if (!granted.has(needed)) throw new AppError("FORBIDDEN");
}
