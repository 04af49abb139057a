import { ApartmentOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Form, Input, Modal, Select, Space, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { ChainRow } from "../../../../common/chain.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { SearchBox } from "../../../components/SearchBox";
import { useCurrentUser, usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { useListState } from "../../../lib/list-state";
import { useChains, useCreateFromTemplate, useExportChains, useTemplates } from "../api/chains.api";

const filterKeys = ["regionId", "status"] as const;

/** 从模板建链: a template's links copied into a region, to be edited after. */
const TemplateModal = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const { t } = useTranslation("chains");
  const feedback = useFeedback();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const { RegionPicker } = useExtensions();
  const templates = useTemplates();
  const create = useCreateFromTemplate();
  const [form] = Form.useForm<{ template: string; regionId: string; name?: string }>();
  return (
    <Modal
      open={open}
      title={t("template.title")}
      onCancel={onClose}
      okButtonProps={{ loading: create.isPending }}
      onOk={() =>
        void form.validateFields().then((v) =>
          create.mutate(v, {
            onSuccess: (c) => {
              feedback.success(t("template.created", { name: c.name }));
              onClose();
              navigate(`/chains/${c.id}`);
            },
          }),
        )
      }
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ regionId: me.regionId }}>
        <Form.Item name="template" label={t("template.template")} rules={[{ required: true }]}>
          <Select
            options={(templates.data ?? []).map((x) => ({
              value: x.key,
              label: `${x.name}（${t("template.links", { n: x.links })}）`,
            }))}
            onChange={(k: string) =>
              form.setFieldValue("name", templates.data?.find((x) => x.key === k)?.name)
            }
          />
        </Form.Item>
        <Form.Item name="regionId" label={t("template.region")} rules={[{ required: true }]}>
          <RegionPicker />
        </Form.Item>
        <Form.Item name="name" label={t("template.name")}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
      <ApiErrorAlert error={create.error} />
    </Modal>
  );
};

/** 产业链: the region's chains with chief, leader firms and goals. */
export const ChainsPage = () => {
  const { t } = useTranslation("chains");
  const canManage = usePermission("chain.manage");
  const list = useListState(filterKeys);
  const { data, isFetching, error, refetch } = useChains(list.query);
  const exportList = useExportChains();
  const [creating, setCreating] = useState(false);
  const columns: ColumnsType<ChainRow> = [
    {
      title: t("col.name"),
      key: "name",
      sorter: true,
      sortOrder: list.sortOrderOf("name"),
      render: (_, c) => <Link to={`/chains/${c.id}`}>{c.name}</Link>,
    },
    { title: t("col.region"), dataIndex: "regionName", width: 180 },
    {
      title: t("col.chief"),
      key: "chief",
      width: 160,
      render: (_, c) => [c.chiefName, c.chiefTitle].filter(Boolean).join(" · "),
    },
    {
      title: t("col.leaders"),
      key: "leaders",
      render: (_, c) => c.leaderFirms.map((f) => <Tag key={f.id}>{f.name}</Tag>),
    },
    { title: t("col.goals"), key: "goals", render: (_, c) => c.goals.map((g) => g.text).join("；") },
    {
      title: t("col.status"),
      key: "status",
      width: 90,
      render: (_, c) => (
        <Tag color={c.status === "active" ? "green" : undefined}>{t(`list.status.${c.status}`)}</Tag>
      ),
    },
  ];
  const createButton = canManage ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t("list.create")}
    </Button>
  ) : undefined;
  return (
    <>
      <PageHeader
        title={t("list.title")}
        sub={t("list.sub")}
        extra={
          <>
            <Link to="/chains/panorama">
              <Button icon={<ApartmentOutlined />}>{t("list.panorama")}</Button>
            </Link>
            <ExportButton mutation={exportList} params={list.query} />
            {createButton}
          </>
        }
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <SearchBox value={list.query.q} onSearch={(q) => list.update({ q })} placeholder={t("col.name")} />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t("col.status")}
          value={list.query.status}
          onChange={(v) => list.update({ status: v })}
          options={(["active", "archived"] as const).map((s) => ({ value: s, label: t(`list.status.${s}`) }))}
        />
      </Space>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<ChainRow>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={canManage ? t("list.emptyHint") : t("list.empty")}
        emptyAction={createButton}
      />
      <TemplateModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
};
