import { z } from "zod";

/**
 * Saved views: a list page's filters and sort under a name, kept by the server so they follow
 * the user to another browser, and shared with the user's unit when they choose.
 */

/** Views one user may keep per list: a dropdown, not a second registry. */
export const MAX_VIEWS_PER_LIST = 50;

/** Which list a view belongs to, as the web page names it ("projects", "enterprises"). */
export const viewListKey = z
  .string({ error: "请指明列表" })
  .regex(/^[a-z][a-z0-9_.-]{1,39}$/, "列表标识无效，应为 2–40 个小写字母、数字或 _ . -");

const viewName = z
  .string({ error: "请填写视图名称" })
  .trim()
  .min(1, "请填写视图名称")
  .max(40, "视图名称不能超过 40 个字");

/**
 * The list's URL search parameters (filters, search text, sort, page size), without the page
 * number: a view reapplied starts on page 1.
 */
export const viewState = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, "筛选条件名称无效"),
    z.string().max(500, "筛选条件的值不能超过 500 个字符"),
  )
  .refine((s) => Object.keys(s).length <= 40, "筛选条件不能超过 40 项");
export type ViewState = z.infer<typeof viewState>;

export const viewQuery = z.object({ listKey: viewListKey });

export const viewCreate = z.strictObject({
  listKey: viewListKey,
  name: viewName,
  /** shared with the owner's unit: their department, or their region when they have none */
  shared: z.boolean().default(false),
  state: viewState,
});
export type ViewCreate = z.infer<typeof viewCreate>;

/** Rename, share or unshare, or overwrite with the list's current state. */
export const viewUpdate = z.strictObject({
  name: viewName.optional(),
  shared: z.boolean().optional(),
  state: viewState.optional(),
  version: z.number({ error: "缺少版本号" }).int(),
});
export type ViewUpdate = z.infer<typeof viewUpdate>;

export const viewVersionQuery = z.object({ version: z.coerce.number({ error: "缺少版本号" }).int() });

export interface SavedView {
  id: string;
  listKey: string;
  name: string;
  shared: boolean;
  state: ViewState;
  ownerId: string;
  ownerName: string;
  /** the viewer's own view (renamed and deleted by them alone) */
  mine: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}
