import type { Messages } from "../../lib/i18n";

/** The words the audit trail uses for schedules and bulletins (merged into the audit namespace). */
export const bulletinAuditMessages: Messages = {
  "zh-CN": {
    action: { generate: "生成通报", regenerate: "重新生成通报" },
    field: {
      cadence: "通报周期",
      issuer: "发文机关",
      docPrefix: "机关代字",
      schemeId: "赛马方案",
      schemeName: "赛马方案",
      recipients: "主送单位",
      copyTo: "抄送单位",
      active: "自动生成",
      lastBulletin: "最近一期",
      docNo: "文号",
      periodKey: "通报期",
      docxFileId: "Word 文件",
      xlsxFileId: "Excel 文件",
      summary: "通报内容",
    },
  },
  en: {
    action: { generate: "generated the bulletin", regenerate: "regenerated the bulletin" },
    field: {
      cadence: "Cadence",
      issuer: "Issuing office",
      docPrefix: "Number prefix",
      schemeId: "Ranking scheme",
      schemeName: "Ranking scheme",
      recipients: "Recipients",
      copyTo: "Copied to",
      active: "Automatic",
      lastBulletin: "Latest",
      docNo: "Number",
      periodKey: "Period",
      docxFileId: "Word file",
      xlsxFileId: "Excel file",
      summary: "Contents",
    },
  },
};
