import type { ProjectNode } from "../../../../common/project.schema";
import { useCurrentUser } from "../../../lib/current-user";

/**
 * What the user may do with a node, as the server decides it: officers
 * (project.write) adjust and complete any node of their projects; department
 * handlers (project.node) complete their own department's nodes only.
 */
export const useNodeRights = () => {
  const me = useCurrentUser();
  const write = me.permissions.includes("project.write");
  const handler = me.permissions.includes("project.node");
  const departments = new Set(me.scopes.filter((s) => s.kind === "department").map((s) => s.refId));
  const own = (n: ProjectNode) => handler && n.departmentId !== null && departments.has(n.departmentId);
  return {
    canComplete: (n: ProjectNode) => write || own(n),
    canEdit: (_n: ProjectNode) => write,
    any: write || handler,
  };
};
