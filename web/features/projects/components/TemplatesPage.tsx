import { PlusOutlined } from "@ant-design/icons";
import { Button, Drawer, Empty, Flex, Popconfirm, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { useFeedback } from "../../../lib/feedback";
import { formatDateTime } from "../../../lib/format";
import { useRecordName } from "../api/reference.api";
import { type NodeTemplate, useDeleteTemplate, useTemplates } from "../api/templates.api";
import { TemplateForm } from "./TemplateForm";

const Name = ({ kind, id, none }: { kind: "regions" | "parks"; id: string | null; none?: string }) => {
  const q = useRecordName(kind, id);
  if (!id) return <Typography.Text type="secondary">{none}</Typography.Text>;
  return <>{q.data ?? ""}</>;
};

type Editing = { template: NodeTemplate | null } | null;

/** 节点模板: the key nodes laid out on a project when it signs, per region, park and project kind. */
export const TemplatesPage = () => {
  const { t } = useTranslation("projects");
  const feedback = useFeedback();
  const { data, isLoading, error, refetch } = useTemplates();
  const remove = useDeleteTemplate();
  const [editing, setEditing] = useState<Editing>(null);

  const columns: ColumnsType<NodeTemplate> = [
    { title: t("templates.name"), dataIndex: "name", width: 180 },
    {
      title: t("field.region"),
      dataIndex: "regionId",
      width: 170,
      render: (v: string) => <Name kind="regions" id={v} />,
    },
    {
      title: t("templates.park"),
      dataIndex: "parkId",
      width: 150,
      render: (v: string | null) => <Name kind="parks" id={v} none={t("templates.parkAny")} />,
    },
    {
      title: t("templates.kind"),
      dataIndex: "projectKind",
      width: 110,
      render: (v: string | null) =>
        v ? t(`kind.${v}`) : <Typography.Text type="secondary">{t("templates.kindAny")}</Typography.Text>,
    },
    {
      title: t("templates.items"),
      key: "items",
      render: (_, x) => (
        <Flex gap={4} wrap>
          {x.items.map((i) => (
            <Tag key={i.seq} color={i.gate === "land" ? "purple" : undefined} style={{ marginInlineEnd: 0 }}>
              {i.seq}. {i.name} · {t("templates.dueShort", { n: i.dueWorkdays })}
              {i.evidenceRequired ? ` · ${t("nodes.evidenceRequired")}` : ""}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t("templates.updatedAt"),
      dataIndex: "updatedAt",
      width: 150,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t("common:action.actions"),
      key: "actions",
      fixed: "right",
      width: 110,
      render: (_, x) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ template: x })}>
            {t("common:action.edit")}
          </Button>
          <Popconfirm
            title={t("templates.deleteConfirm", { name: x.name })}
            description={t("templates.deleteHint")}
            okText={t("common:action.delete")}
            okButtonProps={{ danger: true }}
            cancelText={t("common:action.cancel")}
            onConfirm={() =>
              remove
                .mutateAsync(x.id)
                .then(() => feedback.success(t("templates.deleted", { name: x.name })), feedback.error)
            }
          >
            <Button type="link" size="small" danger>
              {t("common:action.delete")}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ template: null })}>
      {t("templates.create")}
    </Button>
  );

  return (
    <>
      <PageHeader title={t("templates.title")} sub={t("templates.sub")} extra={createButton} />
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Table<NodeTemplate>
        rowKey="id"
        columns={columns}
        dataSource={data}
        loading={isLoading}
        scroll={{ x: 1100 }}
        pagination={{ hideOnSinglePage: true, pageSize: 20 }}
        locale={{
          emptyText: isLoading ? (
            " "
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("templates.emptyHint")}>
              {createButton}
            </Empty>
          ),
        }}
      />
      <Drawer
        open={editing !== null}
        title={editing?.template ? editing.template.name : t("templates.create")}
        onClose={() => setEditing(null)}
        size={960}
        destroyOnHidden
      >
        {editing && (
          <TemplateForm
            key={`${editing.template?.id ?? "new"}:${editing.template?.version ?? 0}`}
            template={editing.template}
            onCancel={() => setEditing(null)}
            onDone={(saved, created) => {
              feedback.success(t(created ? "templates.created" : "templates.saved", { name: saved.name }));
              setEditing(null);
            }}
          />
        )}
      </Drawer>
    </>
  );
};
