import { Button, Flex, Form, Input, InputNumber, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AppealCategory,
  type AppealRow,
  appealCategories,
  appealFields,
} from "../../../../common/appeal.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { FirmPicker } from "../../../components/pickers";
import type { FieldIssue } from "../../../lib/api";
import { usePermission } from "../../../lib/current-user";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { useAppealDeadlines, useRaiseAppeal } from "../api/appeals.api";
import { RouteDepartmentPicker } from "./pickers";

interface Values {
  enterpriseId: string | null;
  title: string;
  category: AppealCategory | null;
  detail: string;
  departmentId: string | null;
  deadlineWorkdays: number | null;
}

/** The firm an appeal is filed for, when the form opens from the firm's page. */
export interface FixedFirm {
  id: string;
  name: string;
  regionId: string;
}

interface Props {
  firm?: FixedFirm;
  onCancel: () => void;
  onDone: (saved: AppealRow) => void;
}

/**
 * 登记诉求 (a specialist picks the firm and may route it at once) or 提交诉求 (an enterprise user,
 * for their own firm: the server fills it in).
 */
export const AppealForm = ({ firm, onCancel, onDone }: Props) => {
  const { t } = useTranslation("appeals");
  const staff = usePermission("appeal.write");
  const [form] = Form.useForm<Values>();
  const raise = useRaiseAppeal();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const [picked, setPicked] = useState<{ id: string; regionId: string } | null>(firm ?? null);
  const departmentId = Form.useWatch("departmentId", form);
  const category = Form.useWatch("category", form);
  // Only to say which deadline applies when left blank; a user who may not read it just sees no number.
  const deadlines = useAppealDeadlines(picked?.regionId, staff);
  const defaultDays = category ? deadlines.data?.deadlines[category] : undefined;

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    try {
      const saved = await raise.mutateAsync({
        ...(staff ? { enterpriseId: firm?.id ?? v.enterpriseId ?? "" } : {}),
        title: v.title.trim(),
        category: v.category ?? "other",
        detail: v.detail.trim() || null,
        ...(staff && v.departmentId
          ? { departmentId: v.departmentId, deadlineWorkdays: v.deadlineWorkdays ?? null }
          : {}),
      });
      onDone(saved);
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
        enterpriseId: firm?.id ?? null,
        title: "",
        category: null,
        detail: "",
        departmentId: null,
        deadlineWorkdays: null,
      }}
      onFinish={onFinish}
      scrollToFirstError
    >
      <ApiErrorAlert error={error} extraIssues={extra} />
      {!staff && <Typography.Paragraph type="secondary">{t("form.enterpriseHint")}</Typography.Paragraph>}
      {staff &&
        (firm ? (
          <Form.Item label={t("field.enterprise")}>
            <Typography.Text strong>{firm.name}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            name="enterpriseId"
            label={t("field.enterprise")}
            rules={[{ required: true, message: t("form.enterpriseRequired") }]}
          >
            <FirmPicker
              placeholder={t("form.enterprisePh")}
              onPicked={(f) => {
                setPicked(f ? { id: f.id, regionId: f.regionId } : null);
                form.setFieldValue("departmentId", null);
              }}
            />
          </Form.Item>
        ))}
      <Form.Item name="title" label={t("field.title")} required rules={[zodRule(appealFields.title)]}>
        <Input
          maxLength={120}
          showCount
          placeholder={t("form.titlePh")}
          autoFocus={!staff || Boolean(firm)}
        />
      </Form.Item>
      <Form.Item
        name="category"
        label={t("field.category")}
        rules={[{ required: true, message: t("form.categoryRequired") }]}
      >
        <Select<AppealCategory>
          showSearch={{ optionFilterProp: "label" }}
          options={appealCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          style={{ width: 200 }}
        />
      </Form.Item>
      <Form.Item name="detail" label={t("field.detail")} rules={[zodRule(appealFields.detail, "null")]}>
        <Input.TextArea rows={5} maxLength={2000} showCount placeholder={t("form.detailPh")} />
      </Form.Item>
      {staff && (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t("form.routeNow")}
          </Typography.Title>
          <Flex gap={16} wrap>
            <Form.Item
              name="departmentId"
              label={t("field.department")}
              style={{ flex: "1 1 300px" }}
              extra={picked ? t("form.routeLater") : t("form.pickFirmFirst")}
            >
              <RouteDepartmentPicker
                enterpriseId={picked?.id}
                allowClear
                placeholder={t("form.departmentPh")}
              />
            </Form.Item>
            <Form.Item
              name="deadlineWorkdays"
              label={t("field.deadline")}
              extra={
                defaultDays ? t("form.deadlineDefault", { n: defaultDays }) : t("form.deadlineDefaultUnknown")
              }
            >
              <InputNumber<number>
                min={1}
                max={120}
                precision={0}
                disabled={!departmentId}
                placeholder={defaultDays ? String(defaultDays) : undefined}
                suffix={t("field.deadlineUnit")}
                style={{ width: 170 }}
              />
            </Form.Item>
          </Flex>
        </>
      )}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onCancel}>{t("common:action.cancel")}</Button>
        <Button type="primary" htmlType="submit" loading={raise.isPending}>
          {staff ? t("list.create") : t("list.raise")}
        </Button>
      </Flex>
    </Form>
  );
};
