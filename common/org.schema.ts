import { z } from "zod";
import { parkKinds, regionLevels, teamKinds } from "./enums.js";
import type { PolygonGeometry } from "./geo.js";
import { pageQuery } from "./paging.js";

const name = z.string().trim().min(1, "请填写名称").max(100, "名称不能超过 100 个字");
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const region = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  level: z.enum(regionLevels),
  parentId: z.uuid().nullable(),
  hasChildren: z.boolean(),
});
export type Region = z.infer<typeof region>;

export const regionQuery = z.object({
  parentId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
  roots: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
});

export const regionCreate = z.strictObject({
  name,
  parentId: z.uuid({ error: "请选择上级行政区" }),
  code: z
    .string()
    .regex(/^\d{6}$/, "行政区划代码为 6 位数字")
    .nullable()
    .optional(),
});

export const regionRename = z.strictObject({ name });

export const park = z.object({
  id: z.uuid(),
  regionId: z.uuid(),
  regionName: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(parkKinds),
  parentId: z.uuid().nullable(),
  parentName: z.string().nullable(),
  hostLocation: z.string().nullable(),
  areaM2: z.number().nullable(),
  /** the park's boundary, GeoJSON polygon in WGS 84 (the map draws it) */
  outline: z.custom<PolygonGeometry>().nullable(),
  address: z.string().nullable(),
  description: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Park = z.infer<typeof park>;

export const parkCreate = z.strictObject({
  regionId: z.uuid({ error: "请选择所属行政区" }),
  name,
  shortName: optionalText(30),
  kind: z.enum(parkKinds, { error: "请选择园区类型" }),
  parentId: z.uuid().nullable().optional(),
  hostLocation: optionalText(100),
  areaM2: z
    .number()
    .min(1, "面积至少为 1 平方米")
    .max(10_000_000_000, "面积不能超过 1 万平方公里")
    .nullable()
    .optional(),
  address: optionalText(200),
  description: optionalText(2000),
  /** GeoJSON polygon, checked and converted on the server; null clears it */
  outline: z.unknown().optional(),
  /** the coordinate system the outline was entered in; stored in WGS 84 */
  outlineCrs: z.enum(["wgs84", "gcj02"]).optional(),
});
export const parkUpdate = parkCreate.partial().extend({ version: z.number().int() });
export const parkQuery = pageQuery.extend({
  regionId: z.uuid().optional(),
  kind: z.enum(parkKinds).optional(),
});

export const team = z.object({
  id: z.uuid(),
  regionId: z.uuid(),
  regionName: z.string(),
  parkId: z.uuid().nullable(),
  parkName: z.string().nullable(),
  name: z.string(),
  kind: z.enum(teamKinds),
  stationCity: z.string().nullable(),
  leaderName: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Team = z.infer<typeof team>;
export const teamCreate = z.strictObject({
  regionId: z.uuid({ error: "请选择所属行政区" }),
  parkId: z.uuid().nullable().optional(),
  name,
  kind: z.enum(teamKinds, { error: "请选择队伍类型" }),
  stationCity: optionalText(50),
  leaderName: optionalText(50),
});
export const teamUpdate = teamCreate.partial().extend({ version: z.number().int() });
export const teamQuery = pageQuery.extend({
  regionId: z.uuid().optional(),
  parkId: z.uuid().optional(),
  kind: z.enum(teamKinds).optional(),
});

export const department = z.object({
  id: z.uuid(),
  regionId: z.uuid(),
  regionName: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  phone: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Department = z.infer<typeof department>;
export const departmentCreate = z.strictObject({
  regionId: z.uuid({ error: "请选择所属行政区" }),
  name,
  shortName: optionalText(30),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() 转]{3,30}$/, "电话只能包含数字、+、-、括号和空格")
    .nullable()
    .optional(),
});
export const departmentUpdate = departmentCreate.partial().extend({ version: z.number().int() });
export const departmentQuery = pageQuery.extend({ regionId: z.uuid().optional() });

export const versionBody = z.strictObject({ version: z.number().int() });
