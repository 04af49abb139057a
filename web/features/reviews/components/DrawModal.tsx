import { DeleteOutlined, PlusOutlined, UndoOutlined } from "@ant-design/icons";
import { Button, Flex, Form, Input, InputNumber, Modal, Select, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type Criterion,
  criterion,
  defaultProjectCriteria,
  reviewCreate,
} from "../../../../common/review.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import type { FieldIssue } from "../../../lib/api";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { useExpertFields } from "../api/experts.api";
import { useCreateReview } from "../api/reviews.api";
import { nextCriterionKey } from "../score";

interface Row {
  key: string;
  name: string;
  weight: number | null;
  max: number | null;
}
interface Values {
  title: string;
  panelSize: number | null;
  fields: string[];
  criteria: Row[];
}

const c = criterion.shape;
const s = reviewCreate.shape;
const defaults = (): Row[] => defaultProjectCriteria.map((x) => ({ ...x }));

/**
 * 发起研判: a title, how many experts to draw, an optional field filter, and
 * the criteria (the defaults, editable). The server draws at random and says
 * in Chinese when too few experts are left once those tied to the investor
 * are set aside; that message lands on 抽取人数.
 */
export const DrawModal = ({
  projectId,
  projectName,
  onClose,
}: {
  projectId: string;
  projectName: string;
  onClose: () => void;
}) => {
  const { t } = useTranslation("reviews");
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const create = useCreateReview();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  // The pool's own tags as suggestions, for those who may read the pool; anyone may type a field.
  const fieldOptions = useExpertFields(usePermission("expert.manage"));
  const rows = Form.useWatch("criteria", form) ?? [];
  const weightSum = rows.reduce((a, r) => a + (r?.weight ?? 0), 0);

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    try {
      const saved = await create.mutateAsync({
        subjectType: "project",
        subjectId: projectId,
        title: v.title.trim(),
        panelSize: v.panelSize ?? 0,
        fields: v.fields.length ? v.fields : undefined,
        criteria: v.criteria.map(
          (r): Criterion => ({ key: r.key, name: r.name.trim(), weight: r.weight ?? 0, max: r.max ?? 0 }),
        ),
      });
      feedback.success(t("draw.done", { n: saved.panel.length }));
      onClose();
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  return (
    <Modal
      open
      title={t("draw.title")}
      onCancel={onClose}
      okText={t("draw.submit")}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={760}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ title: `${projectName}研判`, panelSize: 3, fields: [], criteria: defaults() }}
        onFinish={onFinish}
      >
        <ApiErrorAlert error={error} extraIssues={extra} />
        <Form.Item name="title" label={t("draw.name")} required rules={[zodRule(s.title)]}>
          <Input maxLength={100} showCount />
        </Form.Item>
        <Flex gap={16} align="flex-start">
          <Form.Item
            name="panelSize"
            label={t("draw.panelSize")}
            extra={t("draw.panelSizeHint")}
            required
            rules={[zodRule(s.panelSize, "null")]}
            style={{ width: 220 }}
          >
            <InputNumber<number>
              min={1}
              max={15}
              precision={0}
              suffix={t("draw.persons")}
              style={{ width: "100%" }}
            />
          </Form.Item>
          <Form.Item
            name="fields"
            label={t("draw.fields")}
            extra={t("draw.fieldsHint")}
            style={{ flex: 1, minWidth: 0 }}
          >
            <Select<string[]>
              mode="tags"
              tokenSeparators={["，", ",", "、", " "]}
              placeholder={t("draw.fieldsPh")}
              options={(fieldOptions.data ?? []).map((f) => ({ value: f, label: f }))}
              maxCount={10}
            />
          </Form.Item>
        </Flex>
        <Typography.Text strong>{t("draw.criteria")}</Typography.Text>
        <Form.List name="criteria">
          {(fields, { add, remove }) => (
            <>
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                style={{ marginTop: 8 }}
                dataSource={fields}
                columns={[
                  {
                    title: t("draw.criterionName"),
                    render: (_, f) => (
                      <>
                        {/* The code travels with the row; a submit only carries registered fields. */}
                        <Form.Item name={[f.name, "key"]} hidden noStyle>
                          <Input />
                        </Form.Item>
                        <Form.Item name={[f.name, "name"]} rules={[zodRule(c.name)]} style={{ margin: 0 }}>
                          <Input maxLength={30} aria-label={t("draw.criterionName")} />
                        </Form.Item>
                      </>
                    ),
                  },
                  {
                    title: t("draw.weight"),
                    width: 130,
                    render: (_, f) => (
                      <Form.Item
                        name={[f.name, "weight"]}
                        rules={[zodRule(c.weight, "null")]}
                        style={{ margin: 0 }}
                      >
                        <InputNumber<number>
                          min={0}
                          max={100}
                          aria-label={t("draw.weight")}
                          style={{ width: "100%" }}
                        />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t("draw.max"),
                    width: 130,
                    render: (_, f) => (
                      <Form.Item
                        name={[f.name, "max"]}
                        rules={[zodRule(c.max, "null")]}
                        style={{ margin: 0 }}
                      >
                        <InputNumber<number>
                          min={1}
                          max={100}
                          aria-label={t("draw.max")}
                          style={{ width: "100%" }}
                        />
                      </Form.Item>
                    ),
                  },
                  {
                    key: "remove",
                    width: 48,
                    render: (_, f) => (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t("draw.remove")}
                        title={t("draw.remove")}
                        disabled={fields.length === 1}
                        onClick={() => remove(f.name)}
                      />
                    ),
                  },
                ]}
              />
              <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
                <Flex gap={8}>
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    disabled={fields.length >= 12}
                    onClick={() =>
                      add({ key: nextCriterionKey(rows.map((r) => r?.key)), name: "", weight: 10, max: 100 })
                    }
                  >
                    {t("draw.add")}
                  </Button>
                  <Button icon={<UndoOutlined />} onClick={() => form.setFieldValue("criteria", defaults())}>
                    {t("draw.reset")}
                  </Button>
                </Flex>
                <Typography.Text type={weightSum === 100 ? "secondary" : "warning"} data-testid="weight-sum">
                  {t(weightSum === 100 ? "draw.weightSum" : "draw.weightSumOff", { n: weightSum })}
                </Typography.Text>
              </Flex>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
};
