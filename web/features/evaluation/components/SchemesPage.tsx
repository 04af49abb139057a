import { PlusOutlined } from "@ant-design/icons";
import { Button, Form, Input, InputNumber, Modal, Select, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { presets } from "../../../../common/evaluation.presets";
import { indicatorDefs, type SchemeRow } from "../../../../common/evaluation.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { useCopyScheme, useSchemes } from "../api/evaluation.api";

const weights = (xs: SchemeRow["body"]["above"]) =>
  xs.map((i) => `${indicatorDefs[i.key].label} ${i.weight}`).join("、");

/** 亩均效益评价方案: each region's schemes by year, new ones copied from the shipped presets. */
export const SchemesPage = () => {
  const { t } = useTranslation("evaluation");
  const canManage = usePermission("evaluation.manage");
  const { data, isFetching, error, refetch } = useSchemes({ pageSize: 100 });
  const [copying, setCopying] = useState(false);
  const create = canManage ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCopying(true)}>
      {t("schemes.copy")}
    </Button>
  ) : undefined;
  return (
    <>
      <PageHeader title={t("schemes.title")} sub={t("schemes.sub")} extra={create} />
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Table<SchemeRow>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t("schemes.empty") }}
        columns={[
          {
            title: t("schemes.name"),
            dataIndex: "name",
            render: (v: string, r) => <Link to={`/evaluation/schemes/${r.id}`}>{v}</Link>,
          },
          { title: t("schemes.region"), dataIndex: "regionName", width: 180 },
          { title: t("schemes.year"), dataIndex: "year", width: 90 },
          { title: t("schemes.above"), render: (_, r) => weights(r.body.above) },
          { title: t("schemes.below"), render: (_, r) => weights(r.body.below) },
          {
            title: t("schemes.cuts"),
            width: 160,
            render: (_, r) =>
              r.body.classRule.kind === "percentile" ? (
                <Tag>{r.body.classRule.cuts.join(" / ")}%</Tag>
              ) : (
                <Tag>{r.body.classRule.thresholds.join(" / ")}</Tag>
              ),
          },
        ]}
      />
      <CopyModal open={copying} onClose={() => setCopying(false)} />
    </>
  );
};

interface CopyForm {
  preset: string;
  regionId: string;
  name: string;
  year: number;
}

const CopyModal = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const { t } = useTranslation("evaluation");
  const { RegionPicker } = useExtensions();
  const feedback = useFeedback();
  const navigate = useNavigate();
  const copy = useCopyScheme();
  const [form] = Form.useForm<CopyForm>();
  return (
    <Modal
      open={open}
      title={t("schemes.copyTitle")}
      onCancel={onClose}
      okButtonProps={{ loading: copy.isPending }}
      onOk={() =>
        void form.validateFields().then((v) =>
          copy.mutate(v, {
            onSuccess: (s) => {
              feedback.success(t("schemes.created", { name: s.name }));
              onClose();
              navigate(`/evaluation/schemes/${s.id}`);
            },
            onError: feedback.error,
          }),
        )
      }
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ preset: "zhejiang", year: new Date().getFullYear() - 1 }}
      >
        <Form.Item name="preset" label={t("schemes.preset")} rules={[{ required: true }]}>
          <Select options={presets.map((p) => ({ value: p.key, label: p.name }))} />
        </Form.Item>
        <Form.Item
          name="regionId"
          label={t("schemes.region")}
          rules={[{ required: true, message: "请选择行政区" }]}
        >
          <RegionPicker placeholder={t("schemes.region")} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("schemes.name")}
          rules={[{ required: true, min: 2, message: "方案名称至少 2 个字" }]}
        >
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="year" label={t("schemes.year")} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
