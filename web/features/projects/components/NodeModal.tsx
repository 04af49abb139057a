import { DatePicker, Form, Input, Modal, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { NodeStatus, ProjectNode } from "../../../../common/project.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { FileField } from "../../../components/FileField";
import type { FieldIssue } from "../../../lib/api";
import { useCurrentUser } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { formatDate } from "../../../lib/format";
import { applyServerErrors } from "../../../lib/forms";
import { type NodeUpdateBody, useUpdateNode } from "../api/nodes.api";
import { enterConfirmsDate } from "./inputs";

interface Values {
  status: NodeStatus;
  doneOn: Dayjs | null;
  plannedOn: Dayjs | null;
  departmentId: string | null;
  note: string;
  evidenceFileIds: string[];
}

const day = (d: Dayjs | null) => (d ? d.format("YYYY-MM-DD") : null);

interface Props {
  node: ProjectNode;
  /** complete: 办结 (date, evidence, note), as a department handler may; edit: plan, department, status. */
  mode: "complete" | "edit";
  onClose: () => void;
}

/** 办结 or 调整 one key node; a stale version is refused (409) and offers a reload. */
export const NodeModal = ({ node, mode, onClose }: Props) => {
  const { t } = useTranslation("projects");
  const feedback = useFeedback();
  const { DepartmentPicker } = useExtensions();
  const [form] = Form.useForm<Values>();
  const save = useUpdateNode();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const status = Form.useWatch("status", form);
  // Departments are listed to users holding a region (or everything): others could not pick one.
  const me = useCurrentUser();
  const mayPickDepartment = me.scopes.some((g) => g.kind === "all" || g.kind === "region");

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    // A handler may send only status, doneOn, note and evidence: the edit form sends the rest.
    const body: NodeUpdateBody =
      mode === "complete"
        ? {
            status: "done",
            doneOn: day(v.doneOn),
            evidenceFileIds: v.evidenceFileIds,
            note: v.note.trim() || null,
            version: node.version,
          }
        : {
            status: v.status,
            doneOn: v.status === "done" ? day(v.doneOn) : null,
            plannedOn: day(v.plannedOn),
            ...(mayPickDepartment ? { departmentId: v.departmentId ?? null } : {}),
            evidenceFileIds: v.evidenceFileIds,
            note: v.note.trim() || null,
            version: node.version,
          };
    try {
      await save.mutateAsync({ id: node.id, body });
      feedback.success(t(mode === "complete" ? "nodes.completed" : "nodes.saved", { name: node.name }));
      onClose();
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  const doneField = (
    <Form.Item
      name="doneOn"
      label={t("nodes.doneOn")}
      rules={[{ required: true, message: t("nodes.doneOnRequired") }]}
    >
      <DatePicker
        autoFocus={mode === "complete"}
        style={{ width: 200 }}
        disabledDate={(d) => d.isAfter(dayjs(), "day")}
        onKeyDown={enterConfirmsDate}
      />
    </Form.Item>
  );

  return (
    <Modal
      open
      width={520}
      title={t(mode === "complete" ? "nodes.completeTitle" : "nodes.editTitle", { name: node.name })}
      onCancel={onClose}
      okText={mode === "complete" ? t("nodes.complete") : t("common:action.save")}
      cancelText={t("common:action.cancel")}
      okButtonProps={{ htmlType: "submit", loading: save.isPending }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            status: mode === "complete" ? "done" : node.status,
            doneOn: node.doneOn ? dayjs(node.doneOn) : dayjs(),
            plannedOn: node.plannedOn ? dayjs(node.plannedOn) : null,
            departmentId: node.departmentId,
            note: node.note ?? "",
            evidenceFileIds: node.evidenceFileIds,
          }}
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary">
        {node.projectName}
        {node.dueOn ? ` · ${t("nodes.dueOn")} ${formatDate(node.dueOn)}` : ""}
        {node.departmentName ? ` · ${node.departmentName}` : ""}
      </Typography.Paragraph>
      <ApiErrorAlert error={error} extraIssues={extra} onReload={onClose} />
      {mode === "edit" && (
        <>
          <Form.Item name="status" label={t("nodes.status")}>
            <Select<NodeStatus>
              autoFocus
              options={(["pending", "done", "waived"] as const).map((s) => ({
                value: s,
                label: t(`nodeStatus.${s}`),
              }))}
            />
          </Form.Item>
          {status === "done" && doneField}
          <Form.Item name="plannedOn" label={t("nodes.plannedOn")} extra={t("nodes.plannedHint")}>
            <DatePicker style={{ width: 200 }} onKeyDown={enterConfirmsDate} />
          </Form.Item>
          {mayPickDepartment && (
            <Form.Item name="departmentId" label={t("nodes.department")}>
              <DepartmentPicker />
            </Form.Item>
          )}
        </>
      )}
      {mode === "complete" && doneField}
      <Form.Item
        name="evidenceFileIds"
        label={t("nodes.evidence")}
        extra={node.evidenceRequired ? t("nodes.evidenceRequiredHint") : t("nodes.evidenceHint")}
        required={node.evidenceRequired && (mode === "complete" || status === "done")}
        rules={[
          {
            // The server refuses it too; saying so here spares a round trip.
            validator: async (_r, ids: string[] | undefined) => {
              const done = mode === "complete" || form.getFieldValue("status") === "done";
              if (node.evidenceRequired && done && !ids?.length) throw new Error(t("nodes.evidenceMissing"));
            },
          },
        ]}
      >
        <FileField
          subject={{ type: "project", id: node.projectId }}
          uploadLabel={t("nodes.evidenceUpload")}
        />
      </Form.Item>
      <Form.Item name="note" label={t("nodes.note")}>
        <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t("nodes.notePh")} />
      </Form.Item>
    </Modal>
  );
};
