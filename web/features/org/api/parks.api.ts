import type { z } from "zod";
import type { Park, parkCreate, parkUpdate } from "../../../../common/org.schema";
import type { QueryParams } from "../../../lib/api";
import {
  useResourceCreate,
  useResourceDelete,
  useResourceExport,
  useResourceList,
  useResourceOne,
  useResourceUpdate,
} from "./resource";

export type ParkCreate = z.input<typeof parkCreate>;
export type ParkUpdate = z.input<typeof parkUpdate>;

/** GET /api/parks */
export const useParks = (query: QueryParams, enabled = true) =>
  useResourceList<Park>("parks", query, enabled);
/** GET /api/parks/:id */
export const usePark = (id: string | null | undefined) => useResourceOne<Park>("parks", id);
/** POST /api/parks */
export const useCreatePark = () => useResourceCreate<Park, ParkCreate>("parks");
/** PATCH /api/parks/:id */
export const useUpdatePark = () => useResourceUpdate<Park, ParkUpdate>("parks");
/** DELETE /api/parks/:id?version= */
export const useDeletePark = () => useResourceDelete("parks");
/** GET /api/parks/export */
export const useExportParks = () => useResourceExport("parks", "园区.xlsx");
