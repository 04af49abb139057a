import type { Messages } from "../../lib/i18n";
import { policiesEn } from "./policies.messages.en";
import { policiesZh } from "./policies.messages.zh";

export const policiesMessages: Messages = { "zh-CN": policiesZh, en: policiesEn };

/**
 * Names of clause and application actions and fields for the audit trail (the audit feature's
 * namespace, one dictionary for every subject): words other features already name are left to them.
 */
export const policyAuditMessages: Messages = {
  "zh-CN": {
    action: { pass: "审核通过", approve: "批准兑现", reject: "审核不通过", pay: "登记兑付" },
    field: {
      policyName: "政策文件",
      docNo: "文号",
      clauseNo: "条款号",
      amountRule: "奖补标准",
      steps: "审核环节",
      fairReview: "公平竞争审查",
      fairReviewNote: "审查说明",
      claimedFen: "申请金额",
      approvedFen: "批准金额",
      paidFen: "已兑付金额",
      overrideReason: "例外受理原因",
      voucherNo: "凭证号",
    },
  },
  en: {
    action: { pass: "passed a step", approve: "approved", reject: "rejected", pay: "recorded a payout" },
    field: {
      policyName: "Policy document",
      docNo: "Document no.",
      clauseNo: "Clause no.",
      amountRule: "Amount rule",
      steps: "Review steps",
      fairReview: "Fair-competition review",
      fairReviewNote: "Review note",
      claimedFen: "Claimed",
      approvedFen: "Approved",
      paidFen: "Paid",
      overrideReason: "Exception reason",
      voucherNo: "Voucher no.",
    },
  },
};
