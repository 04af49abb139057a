import { EnvironmentOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Select, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ParkKind, parkKinds } from "../../../../common/enums";
import type { Park } from "../../../../common/org.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { type DrawerState, RecordDrawer } from "../../../components/RecordDrawer";
import { SearchBox } from "../../../components/SearchBox";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { formatArea, formatDateTime } from "../../../lib/format";
import { useListState } from "../../../lib/list-state";
import { useDeletePark, useExportParks, usePark, useParks } from "../api/parks.api";
import { ParkForm } from "./ParkForm";
import { RegionPicker } from "./RegionPicker";
import { RowActions } from "./RowActions";

const filterKeys = ["regionId", "kind"] as const;

export const ParksPage = () => {
  const { t } = useTranslation("org");
  const feedback = useFeedback();
  const canWrite = usePermission("org.write");
  const list = useListState(filterKeys);
  const { data, isFetching, error, refetch } = useParks(list.query);
  const exportParks = useExportParks();
  const remove = useDeletePark();
  const [drawer, setDrawer] = useState<DrawerState>(null);
  const current = usePark(drawer?.id);

  const onDelete = (p: Park) =>
    remove
      .mutateAsync({ id: p.id, version: p.version })
      .then(() => feedback.success(t("common.deleted", { name: p.name })), feedback.error);

  const columns: ColumnsType<Park> = [
    {
      title: t("parks.name"),
      dataIndex: "name",
      key: "name",
      sorter: true,
      sortOrder: list.sortOrderOf("name"),
      render: (_, p) => (
        <Flex vertical>
          <Typography.Link onClick={() => setDrawer({ id: p.id, trail: false })}>{p.name}</Typography.Link>
          {p.shortName && <Typography.Text type="secondary">{p.shortName}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: t("parks.kind"),
      dataIndex: "kind",
      key: "kind",
      width: 150,
      sorter: true,
      sortOrder: list.sortOrderOf("kind"),
      render: (k: ParkKind) => (
        <Tag color={k === "enclave" ? "purple" : "blue"}>{t(`enums:parkKind.${k}`)}</Tag>
      ),
    },
    {
      title: t("common.region"),
      dataIndex: "regionName",
      key: "region",
      width: 180,
      sorter: true,
      sortOrder: list.sortOrderOf("region"),
    },
    {
      title: t("parks.parent"),
      dataIndex: "parentName",
      key: "parentName",
      render: (v: string | null, p) => (
        <Flex vertical>
          {v && <span>{v}</span>}
          {p.hostLocation && (
            <Typography.Text type="secondary" title={t("parks.hostLocation")}>
              <EnvironmentOutlined /> {p.hostLocation}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t("parks.area"),
      dataIndex: "areaM2",
      key: "areaM2",
      width: 210,
      sorter: true,
      sortOrder: list.sortOrderOf("areaM2"),
      align: "right",
      render: (v: number | null) => formatArea(v, { m2: "m²", mu: t("common:area.mu") }),
    },
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
      render: (_, p) => (
        <RowActions
          name={p.name}
          canWrite={canWrite}
          onEdit={() => setDrawer({ id: p.id, trail: false })}
          onTrail={() => setDrawer({ id: p.id, trail: true })}
          onDelete={() => onDelete(p)}
        />
      ),
    },
  ];

  const createButton = canWrite ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ id: null, trail: false })}>
      {t("parks.create")}
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        title={t("parks.title")}
        sub={t("parks.sub")}
        extra={
          <>
            <ExportButton mutation={exportParks} params={list.query} />
            {createButton}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <SearchBox
          value={list.query.q}
          onSearch={(q) => list.update({ q })}
          placeholder={t("parks.searchPh")}
        />
        <RegionPicker
          value={list.query.regionId ?? null}
          onChange={(regionId) => list.update({ regionId })}
          placeholder={t("common.regionAll")}
          style={{ width: 220 }}
        />
        <Select<ParkKind>
          value={(list.query.kind as ParkKind | undefined) ?? undefined}
          onChange={(kind) => list.update({ kind })}
          allowClear
          placeholder={t("parks.kindAll")}
          options={parkKinds.map((k) => ({ value: k, label: t(`enums:parkKind.${k}`) }))}
          style={{ width: 180 }}
        />
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<Park>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={t("parks.empty")}
        emptyAction={createButton}
        scrollX={1000}
      />
      <RecordDrawer
        open={drawer !== null}
        title={drawer?.id ? (current.data?.name ?? t("parks.edit")) : t("parks.create")}
        onClose={() => setDrawer(null)}
        subjectType="park"
        subjectId={drawer?.id ?? null}
        loading={Boolean(drawer?.id) && !current.data}
        startOnTrail={drawer?.trail}
      >
        <ParkForm
          key={`${current.data?.id ?? "new"}:${current.data?.version ?? 0}`}
          park={drawer?.id ? (current.data ?? null) : null}
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
