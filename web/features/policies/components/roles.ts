import { useCurrentUser } from "../../../lib/current-user";

/**
 * An enterprise user applies for their own firm only (the server fills the firm in) and may not
 * override an unmet condition; staff pick the firm and may. Returns the firm's id for them.
 */
export const useOwnFirm = (): { firmUser: boolean; firmId: string | null } => {
  const me = useCurrentUser();
  const own = me.scopes.find((s) => s.kind === "enterprise");
  const firmUser = Boolean(own) && !me.permissions.includes("policy.review");
  return { firmUser, firmId: own?.refId ?? null };
};
