import type { z } from "zod";
import type { Team, teamCreate, teamUpdate } from "../../../../common/org.schema";
import { orgResourceHooks } from "./resource";

export type TeamCreate = z.input<typeof teamCreate>;
export type TeamUpdate = z.input<typeof teamUpdate>;

const teams = orgResourceHooks<Team, TeamCreate, TeamUpdate>("teams", "招商队伍.xlsx");

/** GET /api/teams */
export const useTeams = teams.useList;
/** GET /api/teams/:id */
export const useTeam = teams.useOne;
/** POST /api/teams */
export const useCreateTeam = teams.useCreate;
/** PATCH /api/teams/:id */
export const useUpdateTeam = teams.useUpdate;
/** DELETE /api/teams/:id?version= */
export const useDeleteTeam = teams.useDelete;
/** GET /api/teams/export */
export const useExportTeams = teams.useExport;
