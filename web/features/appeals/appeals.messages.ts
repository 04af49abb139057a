import type { Messages } from "../../lib/i18n";
import { appealsEn } from "./appeals.messages.en";
import { appealsZh } from "./appeals.messages.zh";

export const appealsMessages: Messages = { "zh-CN": appealsZh, en: appealsEn };

/**
 * Names of appeal and invitation actions and fields for the audit trail (the audit feature's
 * namespace). That namespace is one dictionary for every subject: verbs and fields another feature
 * already names (reply, resolve, transfer, title, status …) are left to it, so both read the same.
 */
export const appealAuditMessages: Messages = {
  "zh-CN": {
    action: {
      route: "分派",
      accept: "受理",
      confirm: "企业确认",
      invite: "邀请开通企业账号",
      revoke_invitation: "撤销账号邀请",
      accept_invitation: "接受邀请开通账号",
      create_account: "开通企业账号",
      // Shared verbs the problem list words for its own records.
      appeal: {
        transfer: "转办诉求",
        reply: "答复诉求",
        resolve: "办结诉求",
        reopen: "重新办理诉求",
        escalate: "诉求逾期升级",
      },
    },
    field: {
      appeal: "诉求",
      enterpriseName: "企业",
      routedOn: "分派日期",
      rating: "满意度",
      ratingComment: "企业评价",
      expiresAt: "有效期至",
      acceptedUsername: "开通的账号",
    },
  },
  en: {
    action: {
      route: "routed",
      accept: "accepted",
      confirm: "confirmed",
      invite: "invited a firm account",
      revoke_invitation: "revoked an invitation",
      accept_invitation: "accepted an invitation",
      create_account: "opened a firm account",
      appeal: {
        transfer: "transferred the appeal",
        reply: "replied on the appeal",
        resolve: "resolved the appeal",
        reopen: "reopened the appeal",
        escalate: "escalated the overdue appeal",
      },
    },
    field: {
      appeal: "Appeal",
      enterpriseName: "Firm",
      routedOn: "Routed on",
      rating: "Satisfaction",
      ratingComment: "Firm's comment",
      expiresAt: "Valid until",
      acceptedUsername: "Account",
    },
  },
};
