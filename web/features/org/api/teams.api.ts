import type { z } from "zod";
import type { Team, teamCreate, teamUpdate } from "../../../../common/org.schema";
import type { QueryParams } from "../../../lib/api";
import {
  useResourceCreate,
  useResourceDelete,
  useResourceExport,
  useResourceList,
  useResourceOne,
  useResourceUpdate,
} from "./resource";

export type TeamCreate = z.input<typeof teamCreate>;
export type TeamUpdate = z.input<typeof teamUpdate>;

/** GET /api/teams */
export const useTeams = (query: QueryParams, enabled = true) =>
  useResourceList<Team>("teams", query, enabled);
/** GET /api/teams/:id */
export const useTeam = (id: string | null | undefined) => useResourceOne<Team>("teams", id);
/** POST /api/teams */
export const useCreateTeam = () => useResourceCreate<Team, TeamCreate>("teams");
/** PATCH /api/teams/:id */
export const useUpdateTeam = () => useResourceUpdate<Team, TeamUpdate>("teams");
/** DELETE /api/teams/:id?version= */
export const useDeleteTeam = () => useResourceDelete("teams");
/** GET /api/teams/export */
export const useExportTeams = () => useResourceExport("teams", "招商队伍.xlsx");
