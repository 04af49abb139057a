import { PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TeamKind } from "../../../../common/enums";
import type { Team } from "../../../../common/org.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { type DrawerState, RecordDrawer } from "../../../components/RecordDrawer";
import { SearchBox } from "../../../components/SearchBox";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { formatDateTime } from "../../../lib/format";
import { useListState } from "../../../lib/list-state";
import { useDeleteTeam, useExportTeams, useTeam, useTeams } from "../api/teams.api";
import { ParkPicker } from "./RecordPickers";
import { RegionPicker } from "./RegionPicker";
import { RowActions } from "./RowActions";
import { TeamForm } from "./TeamForm";

const filterKeys = ["regionId", "parkId"] as const;

export const TeamsPage = () => {
  const { t } = useTranslation("org");
  const feedback = useFeedback();
  const canWrite = usePermission("org.write");
  const list = useListState(filterKeys);
  const { data, isFetching, error, refetch } = useTeams(list.query);
  const exportTeams = useExportTeams();
  const remove = useDeleteTeam();
  const [drawer, setDrawer] = useState<DrawerState>(null);
  const current = useTeam(drawer?.id);

  const onDelete = (x: Team) =>
    remove
      .mutateAsync({ id: x.id, version: x.version })
      .then(() => feedback.success(t("common.deleted", { name: x.name })), feedback.error);

  const sortable = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });

  const columns: ColumnsType<Team> = [
    {
      title: t("teams.name"),
      dataIndex: "name",
      ...sortable("name"),
      render: (_, x) => (
        <Typography.Link onClick={() => setDrawer({ id: x.id, trail: false })}>{x.name}</Typography.Link>
      ),
    },
    {
      title: t("teams.kind"),
      dataIndex: "kind",
      width: 130,
      ...sortable("kind"),
      render: (k: TeamKind) => (
        <Tag color={k === "stationed" ? "gold" : "blue"}>{t(`enums:teamKind.${k}`)}</Tag>
      ),
    },
    { title: t("common.region"), dataIndex: "regionName", width: 180, ...sortable("region") },
    { title: t("teams.park"), dataIndex: "parkName", key: "parkName" },
    { title: t("teams.stationCity"), dataIndex: "stationCity", key: "stationCity", width: 110 },
    { title: t("teams.leaderName"), dataIndex: "leaderName", key: "leaderName", width: 100 },
    {
      title: t("common:field.updatedAt"),
      dataIndex: "updatedAt",
      key: "updatedAt",
      render: (v: string) => formatDateTime(v),
      width: 150,
    },
    {
      title: t("common:action.actions"),
      key: "actions",
      fixed: "right",
      width: 200,
      render: (_, x) => (
        <RowActions
          name={x.name}
          canWrite={canWrite}
          onEdit={() => setDrawer({ id: x.id, trail: false })}
          onTrail={() => setDrawer({ id: x.id, trail: true })}
          onDelete={() => onDelete(x)}
        />
      ),
    },
  ];

  const createButton = canWrite ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ id: null, trail: false })}>
      {t("teams.create")}
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        title={t("teams.title")}
        sub={t("teams.sub")}
        extra={
          <>
            <ExportButton mutation={exportTeams} params={list.query} />
            {createButton}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <SearchBox
          value={list.query.q}
          onSearch={(q) => list.update({ q })}
          placeholder={t("teams.searchPh")}
        />
        <RegionPicker
          value={list.query.regionId ?? null}
          onChange={(regionId) => list.update({ regionId })}
          placeholder={t("common.regionAll")}
          style={{ width: 220 }}
        />
        <ParkPicker
          value={list.query.parkId ?? null}
          onChange={(parkId) => list.update({ parkId })}
          regionId={list.query.regionId ?? null}
          placeholder={t("teams.parkAll")}
          style={{ width: 240 }}
        />
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<Team>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={t("teams.empty")}
        emptyAction={createButton}
        scrollX={1100}
      />
      <RecordDrawer
        open={drawer !== null}
        title={drawer?.id ? (current.data?.name ?? t("teams.edit")) : t("teams.create")}
        onClose={() => setDrawer(null)}
        subjectType="team"
        subjectId={drawer?.id ?? null}
        loading={Boolean(drawer?.id) && !current.data}
        startOnTrail={drawer?.trail}
      >
        <TeamForm
          key={`${current.data?.id ?? "new"}:${current.data?.version ?? 0}`}
          team={drawer?.id ? (current.data ?? null) : null}
          readOnly={!canWrite}
          onCancel={() => setDrawer(null)}
          onReload={() => void current.refetch()}
          onDone={(saved, created) => {
            feedback.success(t(created ? "common.created" : "common.saved", { name: saved.name }));
            setDrawer(null);
          }}
        />
      </RecordDrawer>
    </>
  );
};
