import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Checkbox, Flex, Form, Input, InputNumber, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  nodeTemplateBody,
  type ProjectKind,
  projectKinds,
  templateItem,
} from "../../../../common/project.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import type { FieldIssue } from "../../../lib/api";
import { useCurrentUser } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { type NodeTemplate, useSaveTemplate } from "../api/templates.api";

interface Item {
  name: string;
  departmentId: string | null;
  dueWorkdays: number | null;
  land: boolean;
  evidence: boolean;
}
interface Values {
  name: string;
  regionId: string | null;
  parkId: string | null;
  projectKind: ProjectKind | null;
  items: Item[];
}

const blankItem: Item = { name: "", departmentId: null, dueWorkdays: null, land: false, evidence: false };
const half = { flex: 1, minWidth: 0 };

interface Props {
  template: NodeTemplate | null;
  onDone: (saved: NodeTemplate, created: boolean) => void;
  onCancel: () => void;
}

/** 新建/编辑节点模板: where it applies, and its nodes in order with their department and deadline. */
export const TemplateForm = ({ template, onDone, onCancel }: Props) => {
  const { t } = useTranslation("projects");
  const me = useCurrentUser();
  const { RegionPicker, ParkPicker, DepartmentPicker } = useExtensions();
  const [form] = Form.useForm<Values>();
  const regionId = Form.useWatch("regionId", form);
  const save = useSaveTemplate();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    try {
      const saved = await save.mutateAsync({
        id: template?.id ?? null,
        body: {
          name: v.name.trim(),
          regionId: v.regionId ?? "",
          parkId: v.parkId ?? null,
          projectKind: v.projectKind ?? null,
          items: v.items.map((i) => ({
            name: i.name.trim(),
            departmentId: i.departmentId ?? null,
            dueWorkdays: i.dueWorkdays ?? 0,
            gate: i.land ? "land" : null,
            evidenceRequired: i.evidence,
          })),
          ...(template ? { version: template.version } : {}),
        },
      });
      onDone(saved, template === null);
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  const s = nodeTemplateBody.shape;
  const i = templateItem.shape;
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      scrollToFirstError
      initialValues={{
        name: template?.name ?? "",
        regionId: template?.regionId ?? me.regionId,
        parkId: template?.parkId ?? null,
        projectKind: template?.projectKind ?? null,
        items: template
          ? template.items.map((x) => ({
              name: x.name,
              departmentId: x.departmentId,
              dueWorkdays: x.dueWorkdays,
              land: x.gate === "land",
              evidence: x.evidenceRequired,
            }))
          : [{ ...blankItem }],
      }}
    >
      <ApiErrorAlert error={error} extraIssues={extra} />
      <Form.Item name="name" label={t("templates.name")} required rules={[zodRule(s.name)]}>
        <Input autoFocus maxLength={60} placeholder={t("templates.namePh")} />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item
          name="regionId"
          label={t("field.region")}
          required
          rules={[zodRule(s.regionId, "null")]}
          style={half}
          getValueFromEvent={(v: string | null) => {
            if (v !== form.getFieldValue("regionId")) form.setFieldValue("parkId", null);
            return v;
          }}
        >
          <RegionPicker />
        </Form.Item>
        <Form.Item name="parkId" label={t("templates.park")} extra={t("templates.parkHint")} style={half}>
          <ParkPicker regionId={regionId ?? null} placeholder={t("templates.parkAny")} disabled={!regionId} />
        </Form.Item>
        <Form.Item name="projectKind" label={t("templates.kind")} style={half}>
          <Select<ProjectKind>
            allowClear
            placeholder={t("templates.kindAny")}
            options={projectKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
        </Form.Item>
      </Flex>
      <Typography.Title level={5}>{t("templates.items")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("templates.itemsHint")}</Typography.Paragraph>
      <Form.List
        name="items"
        rules={[
          {
            validator: async (_r, items: Item[]) => {
              if (!items || items.length === 0) throw new Error(t("templates.itemsRequired"));
            },
          },
        ]}
      >
        {(fields, { add, remove, move }, { errors }) => (
          <>
            {fields.map((f, ix) => (
              <Flex key={f.key} gap={8} align="flex-start" data-testid="template-item">
                <Typography.Text type="secondary" style={{ width: 22, marginTop: ix === 0 ? 36 : 6 }}>
                  {ix + 1}
                </Typography.Text>
                <Form.Item
                  name={[f.name, "name"]}
                  label={ix === 0 ? t("templates.itemName") : undefined}
                  rules={[zodRule(i.name)]}
                  style={{ flex: 1.4, minWidth: 0 }}
                >
                  <Input
                    maxLength={60}
                    placeholder={t("templates.itemNamePh")}
                    aria-label={t("templates.itemName")}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, "departmentId"]}
                  label={ix === 0 ? t("nodes.department") : undefined}
                  style={{ flex: 1.6, minWidth: 0 }}
                >
                  <DepartmentPicker placeholder={t("templates.departmentPh")} />
                </Form.Item>
                <Form.Item
                  name={[f.name, "dueWorkdays"]}
                  label={ix === 0 ? t("templates.dueWorkdays") : undefined}
                  rules={[zodRule(i.dueWorkdays, "null")]}
                  style={{ width: 150 }}
                >
                  <InputNumber<number>
                    min={0}
                    max={1000}
                    precision={0}
                    suffix={t("templates.workdayUnit")}
                    style={{ width: "100%" }}
                    aria-label={t("templates.dueWorkdays")}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, "land"]}
                  valuePropName="checked"
                  label={ix === 0 ? t("nodes.landGate") : undefined}
                  tooltip={ix === 0 ? t("nodes.landGateHint") : undefined}
                  style={{ width: 64 }}
                >
                  <Checkbox aria-label={t("nodes.landGate")} />
                </Form.Item>
                <Form.Item
                  name={[f.name, "evidence"]}
                  valuePropName="checked"
                  label={ix === 0 ? t("nodes.evidenceRequired") : undefined}
                  tooltip={ix === 0 ? t("nodes.evidenceRequiredHint") : undefined}
                  style={{ width: 92 }}
                >
                  <Checkbox aria-label={t("nodes.evidenceRequired")} />
                </Form.Item>
                <Flex gap={0} style={{ marginTop: ix === 0 ? 30 : 0 }}>
                  <Button
                    type="text"
                    icon={<ArrowUpOutlined />}
                    title={t("templates.moveUp")}
                    aria-label={t("templates.moveUp")}
                    disabled={ix === 0}
                    onClick={() => move(ix, ix - 1)}
                  />
                  <Button
                    type="text"
                    icon={<ArrowDownOutlined />}
                    title={t("templates.moveDown")}
                    aria-label={t("templates.moveDown")}
                    disabled={ix === fields.length - 1}
                    onClick={() => move(ix, ix + 1)}
                  />
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    title={t("templates.removeItem")}
                    aria-label={t("templates.removeItem")}
                    disabled={fields.length === 1}
                    onClick={() => remove(f.name)}
                  />
                </Flex>
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ ...blankItem })}
              disabled={fields.length >= 40}
            >
              {t("templates.addItem")}
            </Button>
          </>
        )}
      </Form.List>
      <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
        <Button onClick={onCancel}>{t("common:action.cancel")}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t("common:action.save")}
        </Button>
      </Flex>
    </Form>
  );
};
