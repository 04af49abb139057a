import type { z } from "zod";
import type { Department, departmentCreate, departmentUpdate } from "../../../../common/org.schema";
import { orgResourceHooks } from "./resource";

export type DepartmentCreate = z.input<typeof departmentCreate>;
export type DepartmentUpdate = z.input<typeof departmentUpdate>;

const departments = orgResourceHooks<Department, DepartmentCreate, DepartmentUpdate>(
  "departments",
  "部门.xlsx",
);

/** GET /api/departments */
export const useDepartments = departments.useList;
/** GET /api/departments/:id */
export const useDepartment = departments.useOne;
/** POST /api/departments */
export const useCreateDepartment = departments.useCreate;
/** PATCH /api/departments/:id */
export const useUpdateDepartment = departments.useUpdate;
/** DELETE /api/departments/:id?version= */
export const useDeleteDepartment = departments.useDelete;
/** GET /api/departments/export */
export const useExportDepartments = departments.useExport;
