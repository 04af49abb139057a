import { z } from "zod";
import { usccInput } from "./enterprise.schema.js";
import { password, username } from "./users.schema.js";

/** 企业账号邀请: a link bound to one firm's USCC, accepted once by the firm's contact. */
export const invitationCreate = z.strictObject({
  contactName: z
    .string({ error: "请填写联系人" })
    .trim()
    .min(1, "请填写联系人")
    .max(40, "联系人不能超过 40 个字"),
  phone: z.string().trim().max(30, "电话不能超过 30 个字").nullable().optional(),
  /** how long the link stays valid */
  validDays: z
    .number()
    .int("有效期应为整数天")
    .min(1, "有效期至少 1 天")
    .max(30, "有效期不能超过 30 天")
    .default(7),
});
export type InvitationCreate = z.infer<typeof invitationCreate>;

export const invitationStatuses = ["pending", "accepted", "expired", "revoked"] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];
export const invitationStatusLabels: Record<InvitationStatus, string> = {
  pending: "待接受",
  accepted: "已接受",
  expired: "已过期",
  revoked: "已撤销",
};

export interface InvitationRow {
  id: string;
  enterpriseId: string;
  contactName: string;
  phone: string | null;
  status: InvitationStatus;
  expiresAt: string;
  acceptedAt: string | null;
  acceptedUsername: string | null;
  createdByName: string | null;
  createdAt: string;
}

/** Shown once, when the invitation is made: the token is stored only as a hash. */
export interface InvitationCreated extends InvitationRow {
  token: string;
  /** the path to send, e.g. /invite/<token> */
  path: string;
}

/** What the accept page shows before the contact proves the firm's USCC. */
export interface InvitationView {
  enterpriseName: string;
  contactName: string;
  expiresAt: string;
}

export const invitationAccept = z.strictObject({
  /** the firm's code, typed by its contact: the invitation is bound to it */
  uscc: usccInput,
  username,
  password,
  name: z.string({ error: "请填写姓名" }).trim().min(1, "请填写姓名").max(50, "姓名不能超过 50 个字"),
  phone: z.string().trim().max(30).nullable().optional(),
});
export type InvitationAccept = z.infer<typeof invitationAccept>;

/** 企业账号 created by staff: the initial password is shown once and must be changed at first login. */
export const enterpriseAccountCreate = z.strictObject({
  username,
  name: z.string({ error: "请填写姓名" }).trim().min(1, "请填写姓名").max(50, "姓名不能超过 50 个字"),
  phone: z.string().trim().max(30).nullable().optional(),
});
export type EnterpriseAccountCreate = z.infer<typeof enterpriseAccountCreate>;

export interface EnterpriseAccount {
  id: string;
  username: string;
  name: string;
  phone: string | null;
  active: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}
