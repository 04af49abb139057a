import { Button, DatePicker, Flex, Form, Input, InputNumber, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ProblemCategory,
  type ProblemRow,
  problemCategories,
  problemCreate,
} from "../../../../common/problem.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import type { FieldIssue } from "../../../lib/api";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { useRaiseProblem, useUpdateProblem } from "../api/problems.api";
import { AssignDepartmentPicker, ProjectPicker } from "./pickers";

interface Values {
  subjectId: string | null;
  title: string;
  category: ProblemCategory | null;
  detail: string;
  raisedOn: Dayjs | null;
  departmentId: string | null;
  deadlineWorkdays: number | null;
}

/** The project a problem is raised on, when the form opens from the project's page. */
export interface FixedProject {
  id: string;
  name: string;
  regionId: string;
}

interface Props {
  record: ProblemRow | null;
  project?: FixedProject;
  onCancel: () => void;
  onReload: () => void;
  onDone: (saved: ProblemRow, created: boolean) => void;
}

/** 提出问题 (on a project, assigned at once when a department is chosen) or edit its wording. */
export const ProblemForm = ({ record, project, onCancel, onReload, onDone }: Props) => {
  const { t } = useTranslation("problems");
  const [form] = Form.useForm<Values>();
  const raise = useRaiseProblem();
  const update = useUpdateProblem();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const [regionId, setRegionId] = useState<string | null>(project?.regionId ?? record?.regionId ?? null);
  const departmentId = Form.useWatch("departmentId", form);

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    try {
      const saved = record
        ? await update.mutateAsync({
            id: record.id,
            body: {
              title: v.title.trim(),
              category: v.category ?? undefined,
              detail: v.detail.trim() || null,
              version: record.version,
            },
          })
        : await raise.mutateAsync({
            subjectType: "project",
            subjectId: project?.id ?? v.subjectId ?? "",
            title: v.title.trim(),
            category: v.category ?? "other",
            detail: v.detail.trim() || null,
            ...(v.raisedOn ? { raisedOn: v.raisedOn.format("YYYY-MM-DD") } : {}),
            ...(v.departmentId
              ? { departmentId: v.departmentId, deadlineWorkdays: v.deadlineWorkdays ?? undefined }
              : {}),
          });
      onDone(saved, record === null);
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        subjectId: project?.id ?? null,
        title: record?.title ?? "",
        category: record?.category ?? null,
        detail: record?.detail ?? "",
        raisedOn: dayjs(),
        departmentId: null,
        deadlineWorkdays: 5,
      }}
      onFinish={onFinish}
    >
      <ApiErrorAlert error={error} extraIssues={extra} onReload={onReload} />
      {record || project ? (
        <Form.Item label={t("field.project")}>
          <Typography.Text strong>{record?.subjectName ?? project?.name}</Typography.Text>
        </Form.Item>
      ) : (
        <Form.Item
          name="subjectId"
          label={t("field.project")}
          rules={[{ required: true, message: t("form.projectRequired") }]}
        >
          <ProjectPicker
            placeholder={t("form.projectPh")}
            onPicked={(p) => {
              setRegionId(p?.regionId ?? null);
              form.setFieldValue("departmentId", null);
            }}
          />
        </Form.Item>
      )}
      <Form.Item name="title" label={t("field.title")} required rules={[zodRule(problemCreate.shape.title)]}>
        <Input maxLength={120} showCount placeholder={t("form.titlePh")} />
      </Form.Item>
      <Form.Item
        name="category"
        label={t("field.category")}
        rules={[{ required: true, message: t("form.categoryRequired") }]}
      >
        <Select<ProblemCategory>
          showSearch={{ optionFilterProp: "label" }}
          options={problemCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          style={{ width: 200 }}
        />
      </Form.Item>
      <Form.Item name="detail" label={t("field.detail")}>
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t("form.detailPh")} />
      </Form.Item>
      {!record && (
        <>
          <Form.Item name="raisedOn" label={t("field.raisedOn")}>
            <DatePicker
              style={{ width: 200 }}
              disabledDate={(d) => d.isAfter(dayjs(), "day")}
              allowClear={false}
            />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item
              name="departmentId"
              label={t("field.department")}
              style={{ flex: "1 1 300px" }}
              extra={regionId ? undefined : t("form.pickProjectFirst")}
            >
              <AssignDepartmentPicker regionId={regionId} allowClear placeholder={t("form.departmentPh")} />
            </Form.Item>
            <Form.Item
              name="deadlineWorkdays"
              label={t("field.deadline")}
              rules={departmentId ? [{ required: true, message: t("form.deadlineRequired") }] : []}
            >
              <InputNumber<number>
                min={1}
                max={250}
                precision={0}
                suffix={t("field.deadlineUnit")}
                style={{ width: 170 }}
              />
            </Form.Item>
          </Flex>
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            {t("form.assignHint")}
          </Typography.Paragraph>
        </>
      )}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onCancel}>{t("common:action.cancel")}</Button>
        <Button type="primary" htmlType="submit" loading={raise.isPending || update.isPending}>
          {t("common:action.save")}
        </Button>
      </Flex>
    </Form>
  );
};
