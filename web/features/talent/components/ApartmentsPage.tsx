import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Flex, Progress, Row, Select, Statistic, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { UnitRow } from "../../../../common/talent.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { RecordDrawer } from "../../../components/RecordDrawer";
import { SearchBox } from "../../../components/SearchBox";
import { usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { useListState } from "../../../lib/list-state";
import { useExport, useOccupancy, useUnits } from "../api/talent.api";
import { UnitDrawer } from "./UnitDrawer";
import { UnitForm } from "./UnitForm";

const filterKeys = ["parkId", "occupied"] as const;

/** 人才公寓: occupancy per park and building above the list of units. */
export const ApartmentsPage = () => {
  const { t } = useTranslation("talent");
  const feedback = useFeedback();
  const { ParkPicker } = useExtensions();
  const canManage = usePermission("talent.manage");
  const list = useListState(filterKeys);
  const { data, isFetching, error, refetch } = useUnits(list.query);
  const occupancy = useOccupancy(list.query.parkId);
  const exportList = useExport("/talent-units", "人才公寓房源.xlsx");
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const sorter = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  const columns: ColumnsType<UnitRow> = [
    { title: t("field.park"), dataIndex: "parkName" },
    { title: t("field.building"), dataIndex: "building", ...sorter("building") },
    {
      title: t("field.unit"),
      dataIndex: "name",
      ...sorter("name"),
      render: (v: string, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(r.id)}>
          {v}
        </Button>
      ),
    },
    { title: t("field.rooms"), dataIndex: "rooms", align: "right" },
    {
      title: t("field.areaM2"),
      dataIndex: "areaM2",
      ...sorter("areaM2"),
      align: "right",
      render: (v) => v ?? "—",
    },
    {
      title: t("field.rentYuan"),
      dataIndex: "rentFenMonth",
      ...sorter("rentFenMonth"),
      align: "right",
      render: (v: number | null) => (v == null ? "—" : (v / 100).toLocaleString("zh-CN")),
    },
    {
      title: t("field.occupant"),
      dataIndex: "occupantName",
      render: (v: string | null) => (v ? <Tag color="blue">{v}</Tag> : <Tag>{t("apartments.vacant")}</Tag>),
    },
  ];
  const totals = (occupancy.data ?? []).filter((o) => o.building === null);
  const createButton = canManage ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t("apartments.create")}
    </Button>
  ) : undefined;
  return (
    <>
      <PageHeader
        title={t("apartments.title")}
        sub={t("apartments.sub")}
        extra={
          <>
            <ExportButton mutation={exportList} params={list.query} />
            {createButton}
          </>
        }
      />
      {totals.length > 0 && (
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          {totals.map((o) => (
            <Col key={o.parkId} xs={24} md={12} xl={8}>
              <Card size="small" title={o.parkName}>
                <Flex gap={24} align="center">
                  <Statistic title={t("apartments.occupancy")} value={o.rate ?? 0} suffix="%" />
                  <Statistic title={t("figures.units")} value={o.units} />
                  <Statistic title={t("figures.occupied")} value={o.occupied} />
                </Flex>
                {(occupancy.data ?? [])
                  .filter((b) => b.parkId === o.parkId && b.building !== null)
                  .map((b) => (
                    <Flex key={b.building} gap={8} align="center">
                      <span style={{ width: 120 }}>{b.building}</span>
                      <Progress
                        percent={b.rate ?? 0}
                        size="small"
                        style={{ flex: 1 }}
                        format={() => `${b.occupied}/${b.units}`}
                      />
                    </Flex>
                  ))}
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <SearchBox
          value={list.query.q}
          onSearch={(q) => list.update({ q })}
          placeholder={t("apartments.searchPh")}
          width={200}
        />
        <ParkPicker
          value={list.query.parkId ?? null}
          onChange={(parkId) => list.update({ parkId: parkId ?? undefined })}
          allowClear
          placeholder={t("talents.parkAll")}
          style={{ width: 220 }}
        />
        <Select<string>
          value={list.query.occupied}
          onChange={(occupied) => list.update({ occupied })}
          allowClear
          aria-label={t("field.occupant")}
          placeholder={t("apartments.occupiedAll")}
          options={[
            { value: "yes", label: t("apartments.occupied") },
            { value: "no", label: t("apartments.vacant") },
          ]}
          style={{ width: 130 }}
        />
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<UnitRow>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={canManage ? t("apartments.emptyHint") : t("apartments.empty")}
        emptyAction={createButton}
      />
      <RecordDrawer
        open={creating}
        title={t("apartments.create")}
        onClose={() => setCreating(false)}
        subjectType="talent_unit"
        subjectId={null}
      >
        <UnitForm
          record={null}
          onCancel={() => setCreating(false)}
          onReload={() => undefined}
          onDone={(saved) => {
            feedback.success(t("apartments.created", { name: `${saved.building} ${saved.name}` }));
            setCreating(false);
            setOpen(saved.id);
          }}
        />
      </RecordDrawer>
      <UnitDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
};
