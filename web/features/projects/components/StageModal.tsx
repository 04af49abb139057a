import { Alert, Button, DatePicker, Form, Input, Modal, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  allStages,
  type ProjectRow,
  type ProjectStage,
  projectStages,
  stageIndex,
} from "../../../../common/project.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { type FieldIssue, isApiError } from "../../../lib/api";
import { useFeedback } from "../../../lib/feedback";
import { formatDate } from "../../../lib/format";
import { applyServerErrors } from "../../../lib/forms";
import { useMoveStage } from "../api/lifecycle.api";
import { enterConfirmsDate } from "./inputs";

interface Values {
  to: ProjectStage | null;
  on: Dayjs | null;
  reason: string;
}

/** The stage a stopped project resumes from, or where it stands. */
const fromOf = (p: ProjectRow): ProjectStage => (p.stage === "stopped" ? (p.stoppedFrom ?? "lead") : p.stage);

/** Going back, stopping and resuming must say why (the server refuses them otherwise). */
export const needsReason = (p: ProjectRow, to: ProjectStage | null): boolean =>
  to !== null && (to === "stopped" || p.stage === "stopped" || stageIndex(to) < stageIndex(fromOf(p)));

const defaultTarget = (p: ProjectRow): ProjectStage | null => {
  if (p.stage === "stopped") return p.stoppedFrom;
  return projectStages[stageIndex(p.stage) + 1] ?? null;
};

/** The stage a failed gate belongs to, from the VALIDATION details of the server. */
const gateStage = (e: unknown): ProjectStage | null => {
  if (!isApiError(e) || !Array.isArray(e.details)) return null;
  const d = e.details[0] as { path?: string; stage?: ProjectStage } | undefined;
  return d?.path === "to" && d.stage ? d.stage : null;
};

interface Props {
  project: ProjectRow;
  onClose: () => void;
  /** Opens the tab where a failed gate is fixed (合同条款 for 签约, 关键节点 for 开工). */
  onOpenTab: (tab: "contract" | "nodes") => void;
}

/** 推进阶段: forward through the gates, back with a reason, to 中止 and out of it. */
export const StageModal = ({ project: p, onClose, onOpenTab }: Props) => {
  const { t } = useTranslation("projects");
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const move = useMoveStage(p.id);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const to = Form.useWatch("to", form) ?? null;
  const reasonRequired = needsReason(p, to);
  const from = fromOf(p);

  const kindOf = (s: ProjectStage): string => {
    if (s === "stopped") return t("move.stop");
    if (p.stage === "stopped") return s === p.stoppedFrom ? t("move.resume") : t("move.resumeAt");
    return stageIndex(s) < stageIndex(from)
      ? t("move.back")
      : stageIndex(s) > stageIndex(from) + 1
        ? t("move.skip")
        : "";
  };

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    try {
      const saved = await move.mutateAsync({
        to: v.to ?? "lead",
        on: (v.on ?? dayjs()).format("YYYY-MM-DD"),
        ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
        version: p.version,
      });
      feedback.success(t("move.moved", { name: saved.name, stage: t(`stage.${saved.stage}`) }));
      onClose();
    } catch (e) {
      // A failed gate is said once, above the form, with the way to fix it.
      if (!gateStage(e)) setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  const gate = gateStage(error);
  return (
    <Modal
      open
      width={560}
      title={t("move.title")}
      onCancel={onClose}
      okText={t("move.submit")}
      cancelText={t("common:action.cancel")}
      okButtonProps={{ htmlType: "submit", loading: move.isPending }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ to: defaultTarget(p), on: dayjs(), reason: "" }}
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary">
        {t("move.current", { stage: t(`stage.${p.stage}`), date: formatDate(p.stageOn) })}
        {p.stage === "stopped" && p.stoppedFrom
          ? t("move.stoppedAt", { stage: t(`stage.${p.stoppedFrom}`) })
          : ""}
      </Typography.Paragraph>
      {gate ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={isApiError(error) ? error.message : ""}
          description={gate === "construction" ? t("move.gateNodes") : t("move.gateContract")}
          action={
            <Button size="small" onClick={() => onOpenTab(gate === "construction" ? "nodes" : "contract")}>
              {gate === "construction" ? t("page.nodes") : t("page.contract")}
            </Button>
          }
        />
      ) : (
        <ApiErrorAlert error={error} extraIssues={extra} onReload={onClose} />
      )}
      <Form.Item name="to" label={t("move.to")} rules={[{ required: true, message: t("move.toRequired") }]}>
        <Select<ProjectStage>
          autoFocus
          showSearch={{ optionFilterProp: "label" }}
          options={allStages
            .filter((s) => s !== p.stage)
            .map((s) => {
              const kind = kindOf(s);
              return { value: s, label: kind ? `${t(`stage.${s}`)}（${kind}）` : t(`stage.${s}`) };
            })}
        />
      </Form.Item>
      <Form.Item
        name="on"
        label={t("move.on")}
        extra={t("move.onHint", { date: formatDate(p.stageOn) })}
        rules={[{ required: true, message: t("move.onRequired") }]}
      >
        <DatePicker
          style={{ width: 200 }}
          disabledDate={(d) => d.isAfter(dayjs(), "day") || d.isBefore(dayjs(p.stageOn), "day")}
          onKeyDown={enterConfirmsDate}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t("move.reason")}
        required={reasonRequired}
        extra={reasonRequired ? t("move.reasonRequired") : t("move.reasonOptional")}
        rules={[
          {
            validator: async (_r, v: string) => {
              if (reasonRequired && !v?.trim()) throw new Error(t("move.reasonMissing"));
            },
          },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={t("move.reasonPh")} />
      </Form.Item>
    </Modal>
  );
};
