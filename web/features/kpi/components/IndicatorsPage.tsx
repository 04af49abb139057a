import { PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { parsePeriodKey } from "../../../../common/kpi.period";
import {
  type IndicatorRow,
  type ManualIndicatorCreate,
  type ManualValueCreate,
  type ManualValueRow,
  unitKindLabels,
  unitKinds,
} from "../../../../common/kpi.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { FileField, FileLinks } from "../../../components/FileField";
import { PageHeader } from "../../../components/PageHeader";
import { usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import {
  useCreateIndicator,
  useDeleteValue,
  useIndicators,
  useSaveValue,
  useUnits,
  useValues,
} from "../api/kpi.api";

/** 指标库: every indicator the modules compute, the manual ones, and the values entered by hand. */
export const IndicatorsPage = () => {
  const { t } = useTranslation("kpi");
  const feedback = useFeedback();
  const canManage = usePermission("kpi.manage");
  const canEnter = usePermission("kpi.enter");
  const indicators = useIndicators();
  const [page, setPage] = useState(1);
  const values = useValues({ page, pageSize: 10 });
  const remove = useDeleteValue();
  const [adding, setAdding] = useState(false);
  const [entering, setEntering] = useState(false);
  const manual = (indicators.data?.items ?? []).filter((i) => i.source === "manual");
  return (
    <>
      <PageHeader
        title={t("indicators.title")}
        sub={t("indicators.sub")}
        extra={
          <>
            {canManage && (
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t("indicators.add")}
              </Button>
            )}
            {canEnter && manual.length > 0 && (
              <Button type="primary" onClick={() => setEntering(true)}>
                {t("indicators.enter")}
              </Button>
            )}
          </>
        }
      />
      <ApiErrorAlert error={indicators.error} onRetry={() => void indicators.refetch()} />
      <Table<IndicatorRow>
        rowKey="key"
        size="middle"
        loading={indicators.isFetching}
        dataSource={indicators.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t("indicators.name"), dataIndex: "name", width: 200 },
          { title: t("indicators.unit"), dataIndex: "unit", width: 70 },
          {
            title: t("indicators.source"),
            width: 100,
            render: (_, i) =>
              i.source === "computed" ? (
                <Tag color="blue">{t("indicators.computed")}</Tag>
              ) : (
                <Tag color="orange">{t("indicators.manual")}</Tag>
              ),
          },
          { title: t("indicators.provider"), dataIndex: "provider", width: 110 },
          {
            title: t("indicators.unitKinds"),
            width: 220,
            render: (_, i) => i.unitKinds.map((k) => unitKindLabels[k]).join("、"),
          },
          {
            title: t("indicators.direction"),
            width: 150,
            render: (_, i) =>
              `${i.higherIsBetter ? t("indicators.higher") : t("indicators.lower")} · ${i.cumulative ? t("indicators.cumulative") : t("indicators.rate")}`,
          },
          { title: t("indicators.description"), dataIndex: "description" },
        ]}
      />
      <Card title={t("indicators.values")} style={{ marginTop: 16 }} size="small">
        <ApiErrorAlert error={values.error} onRetry={() => void values.refetch()} />
        <Table<ManualValueRow>
          rowKey="id"
          size="small"
          loading={values.isFetching}
          dataSource={values.data?.items ?? []}
          locale={{ emptyText: t("indicators.emptyValues") }}
          pagination={{ current: page, pageSize: 10, total: values.data?.total ?? 0, onChange: setPage }}
          columns={[
            { title: t("indicators.name"), dataIndex: "indicatorName" },
            { title: t("ranking.unit"), dataIndex: "unitName" },
            {
              title: t("indicators.period"),
              render: (_, v) => parsePeriodKey(v.periodKey)?.label ?? v.periodKey,
            },
            { title: t("indicators.value"), dataIndex: "value" },
            { title: t("indicators.evidence"), render: (_, v) => <FileLinks ids={v.evidenceFileIds} /> },
            { title: t("indicators.note"), dataIndex: "note", ellipsis: true },
            { title: t("indicators.enteredBy"), dataIndex: "enteredByName" },
            ...(canEnter
              ? [
                  {
                    title: "",
                    width: 60,
                    render: (_: unknown, v: ManualValueRow) => (
                      <Popconfirm
                        title={t("indicators.confirmDelete")}
                        onConfirm={() =>
                          remove.mutate({ id: v.id, version: v.version }, { onError: feedback.error })
                        }
                      >
                        <Typography.Link type="danger">删除</Typography.Link>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {adding && <IndicatorModal onClose={() => setAdding(false)} />}
      {entering && <ValueModal indicators={manual} onClose={() => setEntering(false)} />}
    </>
  );
};

const IndicatorModal = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation("kpi");
  const feedback = useFeedback();
  const { RegionPicker } = useExtensions();
  const [form] = Form.useForm<ManualIndicatorCreate>();
  const create = useCreateIndicator();
  return (
    <Modal
      open
      title={t("indicators.add")}
      onCancel={onClose}
      okButtonProps={{ loading: create.isPending }}
      onOk={() =>
        void form.validateFields().then((v) =>
          create.mutate(v, {
            onSuccess: () => {
              feedback.success(t("indicators.saved"));
              onClose();
            },
            onError: feedback.error,
          }),
        )
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ unitKinds: ["enclave"], higherIsBetter: true, cumulative: true }}
      >
        <Form.Item
          name="regionId"
          label={t("indicators.region")}
          rules={[{ required: true, message: "请选择行政区" }]}
        >
          <RegionPicker />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("indicators.name")}
          rules={[{ required: true, min: 2, message: "指标名称至少 2 个字" }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="unit"
            label={t("indicators.unit")}
            rules={[{ required: true, message: "请填写计量单位" }]}
          >
            <Input maxLength={10} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="unitKinds" label={t("indicators.unitKinds")} style={{ flex: 1 }}>
            <Select
              mode="multiple"
              options={unitKinds.map((k) => ({ value: k, label: unitKindLabels[k] }))}
            />
          </Form.Item>
        </Flex>
        <Flex gap={24}>
          <Form.Item name="higherIsBetter" label={t("indicators.higher")} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="cumulative" label={t("indicators.cumulative")} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t("indicators.description")}>
          <Input.TextArea maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const ValueModal = ({ indicators, onClose }: { indicators: IndicatorRow[]; onClose: () => void }) => {
  const { t } = useTranslation("kpi");
  const feedback = useFeedback();
  const [form] = Form.useForm<ManualValueCreate>();
  const key = Form.useWatch("indicatorKey", form);
  const kind = Form.useWatch("unitKind", form);
  const units = useUnits(kind);
  const save = useSaveValue();
  const ind = indicators.find((i) => i.key === key);
  return (
    <Modal
      open
      title={t("indicators.enter")}
      onCancel={onClose}
      okButtonProps={{ loading: save.isPending }}
      onOk={() =>
        void form.validateFields().then((v) =>
          save.mutate(v, {
            onSuccess: () => {
              feedback.success(t("indicators.saved"));
              onClose();
            },
            onError: feedback.error,
          }),
        )
      }
    >
      <Form form={form} layout="vertical" initialValues={{ evidenceFileIds: [] }}>
        <Form.Item
          name="indicatorKey"
          label={t("indicators.name")}
          rules={[{ required: true, message: "请选择指标" }]}
        >
          <Select options={indicators.map((i) => ({ value: i.key, label: `${i.name}（${i.unit}）` }))} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="unitKind"
            label={t("indicators.unitKinds")}
            rules={[{ required: true, message: "请选择对象类型" }]}
          >
            <Select
              style={{ width: 140 }}
              options={(ind?.unitKinds ?? []).map((k) => ({ value: k, label: unitKindLabels[k] }))}
            />
          </Form.Item>
          <Form.Item
            name="unitId"
            label=" "
            style={{ flex: 1 }}
            rules={[{ required: true, message: "请选择考核对象" }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item
            name="periodKey"
            label={t("indicators.period")}
            extra={t("indicators.periodHint")}
            style={{ flex: 1 }}
            rules={[
              { required: true, message: "请填写考核周期" },
              {
                validator: (_, v) =>
                  !v || parsePeriodKey(v) ? Promise.resolve() : Promise.reject(new Error("周期格式不正确")),
              },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="value"
            label={t("indicators.value")}
            rules={[{ required: true, message: "请填写数值" }]}
          >
            <InputNumber style={{ width: 140 }} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="evidenceFileIds"
          label={t("indicators.evidence")}
          rules={[{ required: true, type: "array", min: 1, message: "请上传佐证材料" }]}
        >
          <FileField uploadLabel={t("indicators.upload")} />
        </Form.Item>
        <Form.Item name="note" label={t("indicators.note")}>
          <Input.TextArea maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
