import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { periodKindLabels, periodKinds } from "../../../../common/kpi.period";
import { type SchemeCreate, type SchemeRow, unitKindLabels, unitKinds } from "../../../../common/kpi.schema";
import { ruleKindLabels, ruleKinds } from "../../../../common/kpi.score";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { useDeleteScheme, useIndicators, useSaveScheme, useSchemes, useUnits } from "../api/kpi.api";

/** 考核方案: the schemes units race under, and their editor. */
export const SchemesPage = () => {
  const { t } = useTranslation("kpi");
  const feedback = useFeedback();
  const canManage = usePermission("kpi.manage");
  const schemes = useSchemes();
  const remove = useDeleteScheme();
  const [editing, setEditing] = useState<SchemeRow | "new" | null>(null);
  return (
    <>
      <PageHeader
        title={t("schemes.title")}
        sub={t("schemes.sub")}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
              {t("schemes.add")}
            </Button>
          )
        }
      />
      <ApiErrorAlert error={schemes.error} onRetry={() => void schemes.refetch()} />
      <Table<SchemeRow>
        rowKey="id"
        loading={schemes.isFetching}
        dataSource={schemes.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t("schemes.empty") }}
        columns={[
          { title: t("schemes.name"), dataIndex: "name", width: 240 },
          { title: t("schemes.region"), dataIndex: "regionName", width: 160 },
          {
            title: t("schemes.units"),
            render: (_, s) =>
              `${unitKindLabels[s.unitKind]} ${s.units.length} 个：${s.units.map((u) => u.name).join("、")}`,
          },
          { title: t("schemes.periodKind"), width: 90, render: (_, s) => periodKindLabels[s.periodKind] },
          {
            title: t("schemes.items"),
            render: (_, s) => (
              <Space size={[4, 4]} wrap>
                {s.items.map((i) => (
                  <Tag key={i.indicatorKey}>
                    {i.indicatorName} {i.weight}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: "",
            width: 200,
            render: (_, s) => (
              <Space>
                <Link to={`/kpi/ranking?scheme=${s.id}`}>{t("schemes.open")}</Link>
                {canManage && (
                  <>
                    <Typography.Link onClick={() => setEditing(s)}>{t("schemes.edit")}</Typography.Link>
                    <Popconfirm
                      title={t("schemes.confirmDelete", { name: s.name })}
                      onConfirm={() =>
                        remove.mutate(
                          { id: s.id, version: s.version },
                          {
                            onSuccess: () => feedback.success(t("schemes.deleted")),
                            onError: feedback.error,
                          },
                        )
                      }
                    >
                      <Typography.Link type="danger">删除</Typography.Link>
                    </Popconfirm>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <SchemeModal scheme={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
};

const SchemeModal = ({ scheme, onClose }: { scheme: SchemeRow | null; onClose: () => void }) => {
  const { t } = useTranslation("kpi");
  const feedback = useFeedback();
  const { RegionPicker } = useExtensions();
  const [form] = Form.useForm<SchemeCreate>();
  const kind = Form.useWatch("unitKind", form);
  const regionId = Form.useWatch("regionId", form);
  const items = Form.useWatch("items", form) ?? [];
  const sum = items.reduce((s, i) => s + (Number(i?.weight) || 0), 0);
  const units = useUnits(kind, regionId);
  const indicators = useIndicators();
  const save = useSaveScheme();
  const initial: Partial<SchemeCreate> = scheme
    ? {
        regionId: scheme.regionId,
        name: scheme.name,
        unitKind: scheme.unitKind,
        unitIds: scheme.unitIds,
        periodKind: scheme.periodKind,
        items: scheme.items.map(({ indicatorKey, weight, rule }) => ({ indicatorKey, weight, rule })),
        adjustments: scheme.adjustments,
        description: scheme.description,
      }
    : { unitKind: "enclave", periodKind: "month", items: [], adjustments: [] };
  return (
    <Modal
      open
      width={860}
      title={scheme ? scheme.name : t("schemes.add")}
      onCancel={onClose}
      okButtonProps={{ loading: save.isPending }}
      onOk={() =>
        void form.validateFields().then((v) =>
          save.mutate(
            {
              id: scheme?.id,
              body: {
                ...v,
                adjustments: (v.adjustments ?? []).map((a, i) => ({ ...a, key: a.key || `adj${i + 1}` })),
                ...(scheme ? { version: scheme.version } : {}),
              },
            },
            {
              onSuccess: () => {
                feedback.success(t("schemes.saved"));
                onClose();
              },
              onError: feedback.error,
            },
          ),
        )
      }
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Flex gap={12}>
          <Form.Item
            name="name"
            label={t("schemes.name")}
            style={{ flex: 2 }}
            rules={[{ required: true, min: 2, message: "方案名称至少 2 个字" }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item
            name="regionId"
            label={t("schemes.region")}
            style={{ flex: 1 }}
            rules={[{ required: true, message: "请选择行政区" }]}
          >
            <RegionPicker />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="unitKind" label={t("schemes.unitKind")} style={{ width: 160 }}>
            <Select options={unitKinds.map((k) => ({ value: k, label: unitKindLabels[k] }))} />
          </Form.Item>
          <Form.Item name="periodKind" label={t("schemes.periodKind")} style={{ width: 120 }}>
            <Select options={periodKinds.map((k) => ({ value: k, label: periodKindLabels[k] }))} />
          </Form.Item>
          <Form.Item
            name="unitIds"
            label={t("schemes.units")}
            style={{ flex: 1 }}
            rules={[{ required: true, message: "请选择参赛单位" }]}
          >
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        </Flex>
        <Typography.Title level={5}>
          {t("schemes.items")}{" "}
          <Tag color={Math.abs(sum - 100) < 1e-6 ? "green" : "red"}>{t("schemes.weightSum", { sum })}</Tag>
        </Typography.Title>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item
                    name={[f.name, "indicatorKey"]}
                    style={{ flex: 1 }}
                    rules={[{ required: true, message: "请选择指标" }]}
                  >
                    <Select
                      showSearch
                      optionFilterProp="label"
                      placeholder="指标"
                      options={(indicators.data?.items ?? [])
                        .filter((i) => !kind || i.unitKinds.includes(kind))
                        .map((i) => ({ value: i.key, label: `${i.name}（${i.unit}）` }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, "weight"]} rules={[{ required: true, message: "请填写权重" }]}>
                    <InputNumber
                      min={0.1}
                      max={100}
                      placeholder={t("schemes.weight")}
                      aria-label={t("schemes.weight")}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, "rule", "kind"]} initialValue="ratio">
                    <Select
                      style={{ width: 170 }}
                      options={ruleKinds.map((k) => ({ value: k, label: ruleKindLabels[k] }))}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(["items", f.name, "rule", "kind"]) === "ratio" ? (
                        <Form.Item name={[f.name, "rule", "cap"]} initialValue={1}>
                          <InputNumber
                            min={1}
                            max={2}
                            step={0.1}
                            addonBefore={t("schemes.cap")}
                            style={{ width: 140 }}
                          />
                        </Form.Item>
                      ) : null
                    }
                  </Form.Item>
                  <Button
                    type="text"
                    aria-label="删除指标"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                  />
                </Flex>
              ))}
              <Button
                onClick={() => add({ weight: 0, rule: { kind: "ratio", cap: 1 } })}
                icon={<PlusOutlined />}
              >
                {t("schemes.addItem")}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t("schemes.adjustments")}
        </Typography.Title>
        <Form.List name="adjustments">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item name={[f.name, "key"]} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, "label"]}
                    style={{ flex: 1 }}
                    rules={[{ required: true, min: 2, message: "请填写加减分项名称" }]}
                  >
                    <Input placeholder={t("schemes.adjLabel")} />
                  </Form.Item>
                  <Form.Item name={[f.name, "kind"]} initialValue="bonus">
                    <Select
                      style={{ width: 100 }}
                      options={[
                        { value: "bonus", label: t("schemes.bonus") },
                        { value: "deduction", label: t("schemes.deduction") },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, "cap"]} rules={[{ required: true, message: "请填写上限" }]}>
                    <InputNumber min={0.5} max={30} placeholder={t("schemes.adjCap")} />
                  </Form.Item>
                  <Button
                    type="text"
                    aria-label="删除加减分项"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                  />
                </Flex>
              ))}
              <Button onClick={() => add({ key: "", kind: "bonus", cap: 5 })} icon={<PlusOutlined />}>
                {t("schemes.addAdjustment")}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
};
