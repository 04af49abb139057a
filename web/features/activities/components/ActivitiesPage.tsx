import { BarChartOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Popconfirm, Space, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { ActivityRow } from "../../../../common/activity.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { useListState } from "../../../lib/list-state";
import { useActivities, useDeleteActivity, useExportActivities } from "../api/activities.api";
import { dateSpan, KindTag, LinkTags, ourPeople, theirPeople } from "./ActivityBits";
import { ActivityDrawer, type Editing } from "./ActivityDrawer";
import { ActivityFilters, activityFilterKeys } from "./ActivityFilters";

const clip = (names: string[], max = 3) =>
  names.length > max ? `${names.slice(0, max).join("、")} 等 ${names.length} 人` : names.join("、");

/** 活动台账: follow-ups, receptions, trips and events in scope, newest first, filtered and exported. */
export const ActivitiesPage = () => {
  const { t } = useTranslation("activities");
  const feedback = useFeedback();
  const navigate = useNavigate();
  const canWrite = usePermission("activity.write");
  const list = useListState(activityFilterKeys);
  const { data, isFetching, error, refetch } = useActivities(list.query);
  const exportList = useExportActivities();
  const remove = useDeleteActivity();
  const [editing, setEditing] = useState<Editing>(null);

  const onDelete = (a: ActivityRow) =>
    remove
      .mutateAsync({ id: a.id, version: a.version })
      .then(() => feedback.success(t("list.deleted", { name: a.title })), feedback.error);

  const columns: ColumnsType<ActivityRow> = [
    {
      title: t("field.date"),
      dataIndex: "heldOn",
      key: "heldOn",
      width: 150,
      sorter: true,
      // Newest first until told otherwise; a click turns it round.
      sortDirections: ["descend", "ascend"],
      sortOrder: list.query.sort ? list.sortOrderOf("heldOn") : "descend",
      render: (_, a) => <span style={{ whiteSpace: "nowrap" }}>{dateSpan(a)}</span>,
    },
    { title: t("field.kind"), key: "kind", width: 130, render: (_, a) => <KindTag a={a} /> },
    {
      title: t("field.title"),
      dataIndex: "title",
      width: 280,
      render: (_, a) => (
        <Flex vertical>
          <Typography.Link onClick={() => setEditing({ id: a.id })}>{a.title}</Typography.Link>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 270 }}>
            {[a.city, a.place].filter(Boolean).join(" · ")}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("field.links"),
      key: "links",
      width: 260,
      render: (_, a) => <LinkTags links={a.links} max={3} />,
    },
    {
      title: t("field.ourUsers"),
      key: "ours",
      width: 150,
      render: (_, a) => clip(ourPeople(a)),
    },
    {
      title: t("field.theirPeople"),
      key: "theirs",
      width: 200,
      render: (_, a) => (
        <Typography.Text ellipsis style={{ maxWidth: 195 }} title={theirPeople(a).join("；")}>
          {clip(a.theirPeople.map((p) => p.name))}
        </Typography.Text>
      ),
    },
    {
      title: t("common:action.actions"),
      key: "actions",
      fixed: "right",
      width: canWrite ? 110 : 70,
      render: (_, a) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ id: a.id })}>
            {canWrite ? t("common:action.edit") : t("common:action.detail")}
          </Button>
          {canWrite && (
            <Popconfirm
              title={t("list.deleteConfirm", { name: a.title })}
              description={t("list.deleteHint")}
              okText={t("common:action.delete")}
              okButtonProps={{ danger: true }}
              cancelText={t("common:action.cancel")}
              onConfirm={() => onDelete(a)}
            >
              <Button type="link" size="small" danger>
                {t("common:action.delete")}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const createButton = canWrite ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ id: null })}>
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
            <Button icon={<BarChartOutlined />} onClick={() => navigate("/activities/stats")}>
              {t("list.stats")}
            </Button>
            <ExportButton mutation={exportList} params={list.query} />
            {createButton}
          </>
        }
      />
      <ActivityFilters list={list} />
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<ActivityRow>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={canWrite ? t("list.emptyHint") : t("list.empty")}
        emptyAction={createButton}
        scrollX={1260}
      />
      <ActivityDrawer editing={editing} onClose={() => setEditing(null)} />
    </>
  );
};
