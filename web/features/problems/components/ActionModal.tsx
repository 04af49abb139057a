import { DatePicker, Form, Input, InputNumber, Modal, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProblemRow } from "../../../../common/problem.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import type { FieldIssue } from "../../../lib/api";
import { useFeedback } from "../../../lib/feedback";
import { formatDate } from "../../../lib/format";
import { applyServerErrors } from "../../../lib/forms";
import { type ActionCall, type ProblemAction, useProblemAction } from "../api/problems.api";
import { AssignDepartmentPicker } from "./pickers";

interface Values {
  departmentId: string | null;
  deadlineWorkdays: number | null;
  on: Dayjs | null;
  reason: string;
  text: string;
  resolution: string;
  resolvedOn: Dayjs | null;
  note: string;
}

const day = (d: Dayjs | null) => (d ? d.format("YYYY-MM-DD") : undefined);

/** What each button sends, built from the modal's fields. */
function callOf(p: ProblemRow, action: ProblemAction, v: Values): ActionCall {
  const version = p.version;
  switch (action) {
    case "assign":
      return {
        id: p.id,
        action,
        body: {
          departmentId: v.departmentId ?? "",
          deadlineWorkdays: v.deadlineWorkdays ?? 0,
          on: day(v.on),
          ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
          version,
        },
      };
    case "reply":
      return { id: p.id, action, body: { text: v.text.trim(), version } };
    case "resolve":
      return {
        id: p.id,
        action,
        body: { resolution: v.resolution.trim(), resolvedOn: day(v.resolvedOn), version },
      };
    case "close":
      return { id: p.id, action, body: { note: v.note.trim() || null, version } };
    case "reopen":
      return {
        id: p.id,
        action,
        body: {
          reason: v.reason.trim(),
          ...(v.deadlineWorkdays ? { deadlineWorkdays: v.deadlineWorkdays } : {}),
          version,
        },
      };
  }
}

interface Props {
  problem: ProblemRow;
  action: ProblemAction;
  onClose: () => void;
}

/** 交办/转办, 答复, 办结, 销号, 重新打开: one modal; a stale version (409) offers a reload. */
export const ActionModal = ({ problem: p, action, onClose }: Props) => {
  const { t } = useTranslation("problems");
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const run = useProblemAction();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const transfer = action === "assign" && p.departmentId !== null;
  const key = transfer ? "transfer" : action;
  const notFuture = (d: Dayjs) => d.isAfter(dayjs(), "day") || d.isBefore(dayjs(p.raisedOn), "day");

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    try {
      await run.mutateAsync(callOf(p, action, v));
      feedback.success(t(`action.done.${key}`));
      onClose();
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  return (
    <Modal
      open
      width={560}
      title={t(`action.${key}Title`, { title: p.title })}
      onCancel={onClose}
      okText={t(`action.${key}`)}
      cancelText={t("common:action.cancel")}
      okButtonProps={{ htmlType: "submit", loading: run.isPending }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            departmentId: p.departmentId,
            deadlineWorkdays: action === "assign" ? (p.deadlineWorkdays ?? 5) : null,
            on: dayjs(),
            reason: "",
            text: "",
            resolution: "",
            resolvedOn: dayjs(),
            note: "",
          }}
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary">
        {[p.subjectName, p.departmentName, p.dueOn ? `${t("field.dueOn")} ${formatDate(p.dueOn)}` : null]
          .filter(Boolean)
          .join(" · ")}
      </Typography.Paragraph>
      <ApiErrorAlert error={error} extraIssues={extra} onReload={onClose} />
      {action === "assign" && (
        <>
          <Form.Item
            name="departmentId"
            label={t("field.department")}
            rules={[{ required: true, message: t("form.departmentRequired") }]}
          >
            <AssignDepartmentPicker
              regionId={p.regionId}
              storedName={p.departmentName}
              placeholder={t("form.departmentPh")}
            />
          </Form.Item>
          <Form.Item
            name="deadlineWorkdays"
            label={t("field.deadline")}
            rules={[{ required: true, message: t("form.deadlineRequired") }]}
            extra={t("form.assignHint")}
          >
            <InputNumber<number>
              min={1}
              max={250}
              precision={0}
              suffix={t("field.deadlineUnit")}
              style={{ width: 170 }}
            />
          </Form.Item>
          <Form.Item name="on" label={t("action.on")}>
            <DatePicker style={{ width: 200 }} disabledDate={notFuture} allowClear={false} />
          </Form.Item>
          {transfer && (
            <Form.Item
              name="reason"
              label={t("action.reason")}
              rules={[{ required: true, whitespace: true, message: t("action.reasonRequired") }]}
            >
              <Input.TextArea rows={2} maxLength={1000} placeholder={t("action.reasonPh")} />
            </Form.Item>
          )}
        </>
      )}
      {action === "reply" && (
        <Form.Item
          name="text"
          label={t("action.text")}
          rules={[{ required: true, whitespace: true, message: t("action.textRequired") }]}
        >
          <Input.TextArea autoFocus rows={4} maxLength={1000} showCount placeholder={t("action.textPh")} />
        </Form.Item>
      )}
      {action === "resolve" && (
        <>
          <Form.Item
            name="resolution"
            label={t("field.resolution")}
            rules={[{ required: true, whitespace: true, message: t("action.resolutionRequired") }]}
          >
            <Input.TextArea
              autoFocus
              rows={4}
              maxLength={2000}
              showCount
              placeholder={t("action.resolutionPh")}
            />
          </Form.Item>
          <Form.Item name="resolvedOn" label={t("field.resolvedOn")}>
            <DatePicker style={{ width: 200 }} disabledDate={notFuture} allowClear={false} />
          </Form.Item>
        </>
      )}
      {action === "close" && (
        <>
          {p.resolution && (
            <Typography.Paragraph>
              <Typography.Text strong>{t("field.resolution")}：</Typography.Text>
              {p.resolution}
            </Typography.Paragraph>
          )}
          <Typography.Paragraph type="secondary">{t("action.closeHint")}</Typography.Paragraph>
          <Form.Item name="note" label={t("action.note")}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      )}
      {action === "reopen" && (
        <>
          <Form.Item
            name="reason"
            label={t("action.reopenReason")}
            rules={[{ required: true, whitespace: true, message: t("action.reopenReasonRequired") }]}
          >
            <Input.TextArea autoFocus rows={3} maxLength={1000} />
          </Form.Item>
          <Form.Item
            name="deadlineWorkdays"
            label={t("action.reopenDeadline")}
            extra={t("action.reopenDeadlineHint")}
          >
            <InputNumber<number>
              min={1}
              max={250}
              precision={0}
              suffix={t("field.deadlineUnit")}
              style={{ width: 170 }}
            />
          </Form.Item>
        </>
      )}
    </Modal>
  );
};
