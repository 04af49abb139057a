import type { Messages } from "../../lib/i18n";
import { problemsEn } from "./problems.messages.en";
import { problemsZh } from "./problems.messages.zh";

export const problemsMessages: Messages = { "zh-CN": problemsZh, en: problemsEn };

/**
 * Names of problem and meeting fields and actions for the audit trail (the audit feature's
 * namespace): problems are audited on their project, meetings on their region.
 */
export const problemAuditMessages: Messages = {
  "zh-CN": {
    action: {
      assign: "交办问题",
      transfer: "转办问题",
      reply: "答复问题",
      resolve: "办结问题",
      close: "问题销号",
      reopen: "重新打开问题",
      discuss: "会议研究问题",
      escalate: "问题逾期升级",
    },
    field: {
      problem: "问题",
      problemId: "问题编号",
      title: "问题",
      detail: "问题描述",
      category: "问题类别",
      raisedOn: "提出日期",
      raisedByName: "提出人",
      departmentName: "责任部门",
      assignedOn: "交办日期",
      deadlineWorkdays: "办理期限（工作日）",
      dueOn: "到期日",
      status: "状态",
      resolution: "解决情况",
      resolvedOn: "解决日期",
      closedOn: "销号日期",
      escalated: "已升级",
      meeting: "会议",
      meetingId: "会议编号",
      decision: "会议决定",
      heldOn: "会议日期",
      chairedBy: "主持人",
      attendees: "参会人员",
      minutes: "会议纪要",
      kind: "类型",
    },
  },
  en: {
    action: {
      assign: "Assign problem",
      transfer: "Transfer problem",
      reply: "Reply on problem",
      resolve: "Resolve problem",
      close: "Close problem",
      reopen: "Reopen problem",
      discuss: "Discuss problem",
      escalate: "Escalate problem",
    },
    field: {
      problem: "Problem",
      title: "Problem",
      departmentName: "Department",
      dueOn: "Due",
      status: "Status",
      resolution: "Resolution",
      meeting: "Meeting",
      decision: "Decision",
    },
  },
};
