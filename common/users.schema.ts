import { z } from "zod";
import { roles, scopeKinds } from "./enums.js";
import { pageQuery } from "./paging.js";

export const scopeGrant = z.strictObject({
  kind: z.enum(scopeKinds),
  /** region, park, team, department or enterprise id; null for "all". */
  refId: z.uuid().nullable(),
});
export type ScopeGrant = z.infer<typeof scopeGrant>;

export const scopeGrantView = scopeGrant.extend({ refName: z.string().nullable() });

export const password = z
  .string()
  .min(8, "密码至少 8 位")
  .max(128, "密码不能超过 128 位")
  .regex(/[A-Za-z]/, "密码须包含字母")
  .regex(/\d/, "密码须包含数字");

export const me = z.object({
  id: z.uuid(),
  username: z.string(),
  name: z.string(),
  roles: z.array(z.enum(roles)),
  scopes: z.array(scopeGrantView),
  permissions: z.array(z.string()),
  regionId: z.uuid().nullable(),
  departmentId: z.uuid().nullable(),
  mustChangePassword: z.boolean(),
  watermark: z.boolean(),
});
export type Me = z.infer<typeof me>;

export const loginBody = z.strictObject({
  username: z.string().trim().min(1, "请输入用户名").max(64),
  password: z.string().min(1, "请输入密码").max(128),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1),
  newPassword: password,
});

export const user = z.object({
  id: z.uuid(),
  username: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  regionId: z.uuid().nullable(),
  regionName: z.string().nullable(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  roles: z.array(z.enum(roles)),
  scopes: z.array(scopeGrantView),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type User = z.infer<typeof user>;

export const username = z
  .string()
  .trim()
  .min(3, "用户名至少 3 个字符")
  .max(32, "用户名不能超过 32 个字符")
  .regex(/^[a-zA-Z0-9_.-]+$/, "用户名只能包含字母、数字、下划线、点和连字符");

export const userCreate = z.strictObject({
  username,
  name: z.string().trim().min(1, "请填写姓名").max(50),
  phone: z.string().trim().max(30).nullable().optional(),
  regionId: z.uuid().nullable().optional(),
  departmentId: z.uuid().nullable().optional(),
  roles: z.array(z.enum(roles)).min(1, "至少选择一个角色"),
  scopes: z.array(scopeGrant).min(1, "至少设置一个数据范围"),
  password: password.optional(),
});
export const userUpdate = userCreate
  .omit({ username: true, password: true })
  .partial()
  .extend({ active: z.boolean().optional(), version: z.number().int() });
export const userQuery = pageQuery.extend({
  role: z.enum(roles).optional(),
  regionId: z.uuid().optional(),
  active: z.enum(["true", "false"]).optional(),
});
