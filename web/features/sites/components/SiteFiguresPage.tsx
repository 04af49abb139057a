import { Card, Progress, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { muOf } from "../../../../common/geo";
import { type AuditProgress, type ParkFigures, stockCategories } from "../../../../common/site.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { useAuditProgress, useSiteFigures } from "../api/sites.api";

const mu = (m2: number) => `${muOf(m2).toLocaleString("zh-CN", { maximumFractionDigits: 1 })} 亩`;
const m2 = (v: number) => `${Math.round(v).toLocaleString("zh-CN")} ㎡`;

/** 园区空间统计 and 起底上图 progress, per park in scope. */
export const SiteFiguresPage = () => {
  const { t } = useTranslation("sites");
  const figures = useSiteFigures();
  const audit = useAuditProgress();
  const columns: ColumnsType<ParkFigures> = [
    { title: t("field.park"), dataIndex: "parkName", fixed: "left", width: 200 },
    { title: t("figures.availableLand"), dataIndex: "availableLandM2", align: "right", render: mu },
    { title: t("figures.availableFloor"), dataIndex: "availableFloorM2", align: "right", render: m2 },
    {
      title: t("figures.occupancy"),
      dataIndex: "occupancy",
      render: (v: number) => (
        <Progress
          percent={Math.round(v * 1000) / 10}
          size="small"
          style={{ width: 140 }}
          format={(p) => `${p}%`}
        />
      ),
    },
    ...stockCategories.map((c) => ({
      title: t(`stock.${c}`),
      key: c,
      align: "right" as const,
      render: (_: unknown, f: ParkFigures) => (f.stockM2[c] ? mu(f.stockM2[c]) : "—"),
    })),
    {
      title: t("figures.recovered"),
      key: "recovered",
      render: (_: unknown, f: ParkFigures) =>
        f.recoveredByYear.length === 0
          ? "—"
          : f.recoveredByYear.map((y) => `${y.year}年 ${mu(y.m2)}`).join("；"),
    },
  ];
  const auditColumns: ColumnsType<AuditProgress> = [
    { title: t("field.park"), dataIndex: "parkName", width: 200 },
    { title: t("figures.total"), dataIndex: "total", align: "right" },
    { title: t("figures.checked"), dataIndex: "checked", align: "right" },
    {
      title: t("figures.audit"),
      key: "p",
      render: (_: unknown, a: AuditProgress) => (
        <Progress
          percent={a.total ? Math.round((a.checked / a.total) * 100) : 0}
          size="small"
          style={{ width: 160 }}
        />
      ),
    },
    ...stockCategories.map((c) => ({
      title: t(`stock.${c}`),
      key: c,
      align: "right" as const,
      render: (_: unknown, a: AuditProgress) => a.byCategory[c] || "—",
    })),
  ];
  return (
    <>
      <PageHeader title={t("figures.title")} sub={t("figures.sub")} />
      <ApiErrorAlert error={figures.error ?? audit.error} onRetry={() => void figures.refetch()} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Table<ParkFigures>
          rowKey="parkId"
          size="small"
          loading={figures.isLoading}
          columns={columns}
          dataSource={figures.data ?? []}
          pagination={false}
          scroll={{ x: 1200 }}
          locale={{ emptyText: t("list.empty") }}
        />
      </Card>
      <Typography.Title level={5}>{t("figures.audit")}</Typography.Title>
      <Card size="small">
        <Table<AuditProgress>
          rowKey="parkId"
          size="small"
          loading={audit.isLoading}
          columns={auditColumns}
          dataSource={audit.data ?? []}
          pagination={false}
          locale={{ emptyText: t("list.empty") }}
        />
      </Card>
    </>
  );
};
