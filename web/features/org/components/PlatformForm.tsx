import { Button, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { regionCreate } from "../../../../common/org.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import type { FieldIssue } from "../../../lib/api";
import { useFeedback } from "../../../lib/feedback";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { useCreateRegion } from "../api/regions.api";

interface Values {
  name: string;
  code: string;
}

/** Adds a platform (no code) or, with a 6-digit code, a sub-region. */
export const PlatformForm = ({ parentId, onAdded }: { parentId: string; onAdded: () => void }) => {
  const { t } = useTranslation("org");
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const create = useCreateRegion();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);

  const onFinish = async (v: Values) => {
    setError(null);
    try {
      const code = v.code.trim();
      const saved = await create.mutateAsync({
        name: v.name.trim(),
        parentId,
        code: code === "" ? null : code,
      });
      feedback.success(t("regions.added", { name: saved.name }));
      form.resetFields();
      onAdded();
    } catch (e) {
      setExtra(applyServerErrors(form, e, "name"));
      setError(e);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ name: "", code: "" }} onFinish={onFinish}>
      <Typography.Paragraph type="secondary">{t("regions.addHint")}</Typography.Paragraph>
      <ApiErrorAlert error={error} extraIssues={extra} />
      <Form.Item
        name="name"
        label={t("regions.platformName")}
        required
        rules={[zodRule(regionCreate.shape.name)]}
      >
        <Input placeholder={t("regions.platformNamePh")} maxLength={100} />
      </Form.Item>
      <Form.Item
        name="code"
        label={t("regions.codeOptional")}
        rules={[zodRule(regionCreate.shape.code, "null")]}
      >
        <Input maxLength={6} inputMode="numeric" style={{ width: 160 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t("regions.add")}
      </Button>
    </Form>
  );
};
