import type { Messages } from "../../lib/i18n";
import { visitsEn } from "./visits.messages.en";
import { visitsZh } from "./visits.messages.zh";

export const visitsMessages: Messages = { "zh-CN": visitsZh, en: visitsEn };

/** Names of visit and plan fields and actions for the audit trail (the audit feature's namespace). */
export const visitAuditMessages: Messages = {
  "zh-CN": {
    field: {
      visit: "走访",
      visitedOn: "走访日期",
      method: "走访方式",
      companions: "同行人员",
      metWith: "接待人",
      findings: "走访情况",
      visitorId: "走访人",
      visitorName: "走访人",
      appeals: "诉求",
      appealCount: "诉求数",
      period: "走访周期",
      condition: "企业范围",
      conditionText: "企业范围",
      targetRate: "覆盖目标（%）",
    },
  },
  en: {
    field: {
      visit: "Visit",
      visitedOn: "Visited on",
      method: "Method",
      companions: "Went along",
      metWith: "Met with",
      findings: "Findings",
      visitorName: "Visitor",
      appeals: "Appeals",
      period: "Period",
      condition: "Population",
      conditionText: "Population",
      targetRate: "Target (%)",
    },
  },
};
