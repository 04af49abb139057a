import type { z } from "zod";
import type { Department, departmentCreate, departmentUpdate } from "../../../../common/org.schema";
import type { QueryParams } from "../../../lib/api";
import {
  useResourceCreate,
  useResourceDelete,
  useResourceExport,
  useResourceList,
  useResourceOne,
  useResourceUpdate,
} from "./resource";

export type DepartmentCreate = z.input<typeof departmentCreate>;
export type DepartmentUpdate = z.input<typeof departmentUpdate>;

/** GET /api/departments */
export const useDepartments = (query: QueryParams, enabled = true) =>
  useResourceList<Department>("departments", query, enabled);
/** GET /api/departments/:id */
export const useDepartment = (id: string | null | undefined) => useResourceOne<Department>("departments", id);
/** POST /api/departments */
export const useCreateDepartment = () => useResourceCreate<Department, DepartmentCreate>("departments");
/** PATCH /api/departments/:id */
export const useUpdateDepartment = () => useResourceUpdate<Department, DepartmentUpdate>("departments");
/** DELETE /api/departments/:id?version= */
export const useDeleteDepartment = () => useResourceDelete("departments");
/** GET /api/departments/export */
export const useExportDepartments = () => useResourceExport("departments", "部门.xlsx");
