import { StarFilled } from "@ant-design/icons";
import { Alert, Form, Input, InputNumber, Modal, Rate, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AppealDetail } from "../../../../common/appeal.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { type FieldIssue, isApiError } from "../../../lib/api";
import { useFeedback } from "../../../lib/feedback";
import { formatDate } from "../../../lib/format";
import { applyServerErrors } from "../../../lib/forms";
import { type AppealActionCall, useAppealAction, useAppealDeadlines } from "../api/appeals.api";
import { RouteDepartmentPicker } from "./pickers";

/** What the page may offer: the server's `can` flags, one button each. */
export type AppealAction = keyof AppealDetail["can"];
// The work the user owes comes first (its button is the primary one); a transfer last.
const order: readonly AppealAction[] = [
  "route",
  "accept",
  "reply",
  "resolve",
  "confirm",
  "reopen",
  "transfer",
];
export const isAppealAction = (v: string | null): v is AppealAction =>
  v !== null && (order as readonly string[]).includes(v);

/**
 * The buttons to show, in order. Routing an appeal that has a department is a transfer (the server
 * asks for a reason), whoever does it: a specialist re-routing it or the department handing it on.
 */
export const offeredActions = (a: AppealDetail): AppealAction[] => {
  const routed = a.departmentId !== null;
  return order.filter((x) => {
    if (x === "route") return a.can.route && !routed;
    if (x === "transfer") return routed && (a.can.transfer || a.can.route);
    return a.can[x];
  });
};

interface Values {
  departmentId: string | null;
  deadlineWorkdays: number | null;
  reason: string;
  note: string;
  text: string;
  resolution: string;
  rating: number;
  comment: string;
}

/** What each button sends, built from the modal's fields; a transfer is a route elsewhere. */
function callOf(a: AppealDetail, action: AppealAction, v: Values): AppealActionCall {
  const { id, version } = a;
  switch (action) {
    case "route":
    case "transfer":
      return {
        id,
        action: "route",
        body: {
          departmentId: v.departmentId ?? "",
          ...(v.deadlineWorkdays ? { deadlineWorkdays: v.deadlineWorkdays } : {}),
          ...(a.departmentId !== null ? { reason: v.reason.trim() } : {}),
          version,
        },
      };
    case "accept":
      return { id, action, body: { note: v.note.trim() || null, version } };
    case "reply":
      return { id, action, body: { text: v.text.trim(), version } };
    case "resolve":
      return { id, action, body: { resolution: v.resolution.trim(), version } };
    case "confirm":
      return { id, action, body: { rating: v.rating, comment: v.comment.trim() || null, version } };
    case "reopen":
      return { id, action, body: { reason: v.reason.trim(), version } };
  }
}

interface Props {
  appeal: AppealDetail;
  action: AppealAction;
  onClose: () => void;
  /** fetch the appeal anew after a stale write (409) */
  onStale: () => void;
}

/** 分派/转办, 受理, 答复进展, 办结, 确认并评价, 重新办理: one modal; a stale version reloads the appeal. */
export const ActionModal = ({ appeal: a, action, onClose, onStale }: Props) => {
  const { t } = useTranslation("appeals");
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const run = useAppealAction();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const [stale, setStale] = useState(false);
  const routing = action === "route" || action === "transfer";
  const deadlines = useAppealDeadlines(a.regionId, routing);
  const categoryDays = deadlines.data?.deadlines[a.category];
  // After a reload the action may have gone (someone else accepted it first): say so, offer nothing.
  const available = offeredActions(a).includes(action);

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    setStale(false);
    try {
      await run.mutateAsync(callOf(a, action, v));
      feedback.success(t(`action.done.${action}`));
      onClose();
    } catch (e) {
      if (isApiError(e) && e.status === 409 && e.code === "STALE_VERSION") {
        setStale(true);
        onStale();
        return;
      }
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  const rates = [1, 2, 3, 4, 5].map((n) => t(`rate.${n}`));

  return (
    <Modal
      open
      width={560}
      title={t(`action.${action}Title`, { title: a.title })}
      onCancel={onClose}
      okText={t(`action.${action}`)}
      cancelText={t("common:action.cancel")}
      okButtonProps={{ htmlType: "submit", loading: run.isPending, disabled: !available }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            departmentId: action === "transfer" ? null : a.departmentId,
            deadlineWorkdays: null,
            reason: "",
            note: "",
            text: "",
            resolution: "",
            rating: 0,
            comment: "",
          }}
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary">
        {[
          a.code,
          a.enterpriseName,
          a.departmentName,
          a.dueOn ? `${t("field.dueOn")} ${formatDate(a.dueOn)}` : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </Typography.Paragraph>
      {stale && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t("action.stale")}
          description={available ? t("action.staleRetry") : t("action.staleGone")}
        />
      )}
      <ApiErrorAlert error={error} extraIssues={extra} />
      {routing && (
        <>
          {action === "transfer" && a.departmentName && (
            <Typography.Paragraph>
              {t("action.transferFrom", { name: a.departmentName })}
            </Typography.Paragraph>
          )}
          <Form.Item
            name="departmentId"
            label={action === "transfer" ? t("action.transferTo") : t("field.department")}
            rules={[{ required: true, message: t("form.departmentRequired") }]}
          >
            <RouteDepartmentPicker
              enterpriseId={a.enterpriseId}
              storedName={action === "transfer" ? null : a.departmentName}
              placeholder={t("form.departmentPh")}
            />
          </Form.Item>
          <Form.Item
            name="deadlineWorkdays"
            label={t("field.deadline")}
            extra={
              categoryDays
                ? t("action.deadlineHint", { n: categoryDays, category: t(`category.${a.category}`) })
                : t("action.deadlineHintUnknown")
            }
          >
            <InputNumber<number>
              min={1}
              max={120}
              precision={0}
              placeholder={categoryDays ? String(categoryDays) : undefined}
              suffix={t("field.deadlineUnit")}
              style={{ width: 170 }}
            />
          </Form.Item>
          {action === "transfer" && (
            <Form.Item
              name="reason"
              label={t("action.reason")}
              rules={[{ required: true, whitespace: true, message: t("action.reasonRequired") }]}
            >
              <Input.TextArea rows={2} maxLength={500} showCount placeholder={t("action.reasonPh")} />
            </Form.Item>
          )}
        </>
      )}
      {action === "accept" && (
        <>
          <Typography.Paragraph>{t("action.acceptHint")}</Typography.Paragraph>
          <Form.Item name="note" label={t("action.note")}>
            <Input.TextArea autoFocus rows={2} maxLength={500} placeholder={t("action.notePh")} />
          </Form.Item>
        </>
      )}
      {action === "reply" && (
        <Form.Item
          name="text"
          label={t("action.text")}
          rules={[{ required: true, whitespace: true, message: t("action.textRequired") }]}
        >
          <Input.TextArea autoFocus rows={4} maxLength={2000} showCount placeholder={t("action.textPh")} />
        </Form.Item>
      )}
      {action === "resolve" && (
        <Form.Item
          name="resolution"
          label={t("field.resolution")}
          rules={[{ required: true, whitespace: true, message: t("action.resolutionRequired") }]}
          extra={t("action.resolveHint")}
        >
          <Input.TextArea
            autoFocus
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t("action.resolutionPh")}
          />
        </Form.Item>
      )}
      {(action === "confirm" || action === "reopen") && a.resolution && (
        <Typography.Paragraph>
          <Typography.Text strong>
            {t("field.resolution")}
            {t("common:state.colon")}
          </Typography.Text>
          {a.resolution}
        </Typography.Paragraph>
      )}
      {action === "confirm" && (
        <>
          <Form.Item
            name="rating"
            label={t("field.rating")}
            rules={[
              {
                validator: async (_r, v: number) => {
                  if (!v || v < 1) throw new Error(t("action.ratingRequired"));
                },
              },
            ]}
          >
            <Rate
              autoFocus
              tooltips={rates}
              // Each star says what it means to a screen reader, not just "star".
              character={({ index = 0 }) => <StarFilled aria-label={rates[index]} />}
              aria-label={t("field.rating")}
              style={{ fontSize: 28 }}
            />
          </Form.Item>
          <Form.Item name="comment" label={t("field.ratingComment")}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder={t("action.commentPh")} />
          </Form.Item>
        </>
      )}
      {action === "reopen" && (
        <Form.Item
          name="reason"
          label={t("action.reopenReason")}
          rules={[{ required: true, whitespace: true, message: t("action.reopenReasonRequired") }]}
          extra={t("action.reopenHint")}
        >
          <Input.TextArea autoFocus rows={3} maxLength={500} showCount />
        </Form.Item>
      )}
    </Modal>
  );
};
