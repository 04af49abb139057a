import { createContext, type ReactNode, useContext } from "react";
import type { Me } from "../../common/users.schema";

/**
 * The signed-in user, provided by the app's main layout once
 * GET /api/session/me answers. Features read it here rather than from the
 * session feature, so they never import each other.
 */
const CurrentUserContext = createContext<Me | null>(null);

export const CurrentUserProvider = ({ user, children }: { user: Me; children: ReactNode }) => (
  <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>
);

export const useCurrentUser = (): Me => {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error("useCurrentUser outside CurrentUserProvider");
  return me;
};

export const usePermission = (permission: string): boolean => {
  const me = useContext(CurrentUserContext);
  return me?.permissions.includes(permission) ?? false;
};
