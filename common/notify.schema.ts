import { z } from "zod";
import { pageQuery } from "./paging.js";

export const channelKinds = ["dingtalk", "wecom", "email"] as const;
export type ChannelKind = (typeof channelKinds)[number];
export const channelKindLabels: Record<ChannelKind, string> = {
  dingtalk: "钉钉群机器人",
  wecom: "企业微信群机器人",
  email: "电子邮件",
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

const emailAddress = z.email({ error: "请输入有效的电子邮箱地址" }).max(200);

export const channelFields = {
  kind: z.enum(channelKinds, { error: "请选择通道类型" }),
  name: z.string().trim().min(1, "请输入通道名称").max(60, "名称不能超过 60 个字"),
  /** a robot's webhook (http/https), or an e-mail channel's SMTP server (smtp:// or smtps://user@host:port) */
  url: z
    .url({ protocol: /^(https?|smtps?)$/, error: "请输入以 http(s):// 或 smtp(s):// 开头的地址" })
    .max(1000, "地址过长"),
  /** DingTalk signing secret (加签) or the SMTP password; null or absent for none */
  secret: z.string().trim().max(200).nullable().optional(),
  enabled: z.boolean().default(true),
  kinds: kindList.default([]),
  /** e-mail: where each message goes */
  recipients: z
    .array(emailAddress)
    .max(50, "收件人最多 50 个")
    .transform((v) => [...new Set(v.map((a) => a.toLowerCase()))]),
  /** e-mail: the From address */
  sender: emailAddress.nullable().optional(),
};

/**
 * What a channel of `kind` needs beyond its fields: robots post to http(s), e-mail goes through
 * an SMTP server to at least one recipient. Checked on create and, with the stored values, on update.
 */
export function channelProblems(c: { kind: ChannelKind; url: string; recipients: readonly string[] }) {
  const out: { path: string; message: string }[] = [];
  const smtp = /^smtps?:/i.test(c.url);
  if (c.kind === "email" && !smtp)
    out.push({
      path: "url",
      message: "电子邮件通道请填写 SMTP 服务器，如 smtp://user@mail.example.gov.cn:25",
    });
  if (c.kind !== "email" && smtp)
    out.push({ path: "url", message: "机器人通道请填写 http(s):// 开头的 Webhook 地址" });
  if (c.kind === "email" && c.recipients.length === 0)
    out.push({ path: "recipients", message: "请至少填写一个收件人" });
  return out;
}

export const channelCreate = z
  .strictObject({ ...channelFields, recipients: channelFields.recipients.default([]) })
  .superRefine((v, ctx) => {
    for (const p of channelProblems(v)) ctx.addIssue({ code: "custom", path: [p.path], message: p.message });
  });
export type ChannelCreate = z.input<typeof channelCreate>;

/** Secret: absent keeps it, null clears it, a string replaces it. */
export const channelUpdate = z.strictObject({
  kind: channelFields.kind.optional(),
  name: channelFields.name.optional(),
  url: channelFields.url.optional(),
  secret: channelFields.secret,
  enabled: z.boolean().optional(),
  kinds: kindList.optional(),
  recipients: channelFields.recipients.optional(),
  sender: channelFields.sender,
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
  recipients: z.array(z.string()),
  sender: z.string().nullable(),
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
