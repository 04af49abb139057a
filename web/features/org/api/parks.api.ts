import type { z } from "zod";
import type { Park, parkCreate, parkUpdate } from "../../../../common/org.schema";
import { orgResourceHooks } from "./resource";

export type ParkCreate = z.input<typeof parkCreate>;
export type ParkUpdate = z.input<typeof parkUpdate>;

const parks = orgResourceHooks<Park, ParkCreate, ParkUpdate>("parks", "园区.xlsx");

/** GET /api/parks */
export const useParks = parks.useList;
/** GET /api/parks/:id */
export const usePark = parks.useOne;
/** POST /api/parks */
export const useCreatePark = parks.useCreate;
/** PATCH /api/parks/:id */
export const useUpdatePark = parks.useUpdate;
/** DELETE /api/parks/:id?version= */
export const useDeletePark = parks.useDelete;
/** GET /api/parks/export */
export const useExportParks = parks.useExport;
