import { z } from "zod";
import { pageQuery } from "./paging.js";

export const channelKinds = ["dingtalk", "wecom"] as const;
export type ChannelKind = (typeof channelKinds)[number];
export const channelKindLabels: Record<ChannelKind, string> = {
  dingtalk: "钉钉群机器人",
  wecom: "企业微信群机器人",
};

export const deliveryStatuses = ["pending", "sent", "failed"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** A notification as its recipient sees it. */
export const notificationView = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationQuery = z.object({
  page: pageQuery.shape.page,
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  unread: z.enum(["true", "false"]).optional(),
});

export const notificationPage = z.object({
  items: z.array(notificationView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** all of the user's unread notifications, whatever the filter */
  unread: z.number().int(),
});
export type NotificationPage = z.infer<typeof notificationPage>;

const kindList = z
  .array(z.string().trim().min(1).max(60))
  .max(50, "最多选择 50 种提醒类型")
  .transform((v) => [...new Set(v)]);

export const channelCreate = z.strictObject({
  kind: z.enum(channelKinds, { error: "请选择通道类型" }),
  name: z.string().trim().min(1, "请输入通道名称").max(60, "名称不能超过 60 个字"),
  url: z
    .url({ protocol: /^https?$/, error: "请输入以 http:// 或 https:// 开头的 Webhook 地址" })
    .max(1000, "地址过长"),
  /** DingTalk signing secret (加签); null or absent for none */
  secret: z.string().trim().max(200).nullable().optional(),
  enabled: z.boolean().default(true),
  kinds: kindList.default([]),
});
export type ChannelCreate = z.input<typeof channelCreate>;

/** Secret: absent keeps it, null clears it, a string replaces it. */
export const channelUpdate = z.strictObject({
  kind: channelCreate.shape.kind.optional(),
  name: channelCreate.shape.name.optional(),
  url: channelCreate.shape.url.optional(),
  secret: channelCreate.shape.secret,
  enabled: z.boolean().optional(),
  kinds: kindList.optional(),
  version: z.number().int(),
});
export type ChannelUpdate = z.input<typeof channelUpdate>;

export const channelView = z.object({
  id: z.uuid(),
  kind: z.enum(channelKinds),
  name: z.string(),
  url: z.string(),
  /** the secret's first and last characters only */
  secretMasked: z.string().nullable(),
  enabled: z.boolean(),
  kinds: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ChannelView = z.infer<typeof channelView>;

export const deliveryQuery = pageQuery.extend({
  status: z.enum(deliveryStatuses).optional(),
  channelId: z.uuid().optional(),
});

export const deliveryView = z.object({
  id: z.uuid(),
  channelId: z.uuid(),
  channelName: z.string(),
  channelKind: z.enum(channelKinds),
  kind: z.string(),
  title: z.string(),
  status: z.enum(deliveryStatuses),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type DeliveryView = z.infer<typeof deliveryView>;

export const testSendResult = z.object({
  ok: z.boolean(),
  error: z.string().nullable(),
  deliveryId: z.uuid(),
});
export type TestSendResult = z.infer<typeof testSendResult>;
