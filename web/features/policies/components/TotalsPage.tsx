import { Card, DatePicker, Empty, Flex, Segmented, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs from "dayjs";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { PolicyTotal } from "../../../../common/policy.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { EChart } from "../../../components/EChart";
import { PageHeader } from "../../../components/PageHeader";
import { useExtensions } from "../../../lib/extensions";
import { fenToWan, formatWan } from "../../../lib/format";
import { type TotalsBy, usePolicyTotals } from "../api/applications.api";
import { totalsBarsOption } from "../charts/totals.chart";
import "../charts/register";

const bys: readonly TotalsBy[] = ["clause", "park", "year"];
const isBy = (v: string | null): v is TotalsBy => v !== null && (bys as readonly string[]).includes(v);

const percent = (paid: number, approved: number) =>
  approved > 0 ? `${((paid / approved) * 100).toLocaleString("zh-CN", { maximumFractionDigits: 1 })}%` : "—";

// The server names a clause "政策 · 条款": the chart's axis keeps the clause, the table shows both.
const split = (r: PolicyTotal) => {
  const at = r.name.lastIndexOf(" · ");
  return at < 0
    ? { clause: r.name, policy: null }
    : { clause: r.name.slice(at + 3), policy: r.name.slice(0, at) };
};

/** 兑现统计: applications, approved and paid amounts by clause, park or year, for a year or all. */
export const TotalsPage = () => {
  const { t } = useTranslation("policies");
  const { RegionPicker } = useExtensions();
  const [params, setParams] = useSearchParams();
  const byParam = params.get("by");
  const by: TotalsBy = isBy(byParam) ? byParam : "clause";
  const year = params.get("year") ? Number(params.get("year")) : undefined;
  const regionId = params.get("regionId") ?? undefined;
  const set = (k: string, v: string | number | null | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (v === null || v === undefined || v === "") next.delete(k);
        else next.set(k, String(v));
        return next;
      },
      { replace: true },
    );
  const { data, isFetching, error, refetch } = usePolicyTotals({ by, year, regionId });
  const noPark = t("totals.noPark");
  const label = (r: PolicyTotal) => (by === "park" && r.key === null ? noPark : r.name);

  // Years read in their order; clauses and parks as the server ranks them (most paid first).
  const rows = useMemo(
    () =>
      by === "year"
        ? [...(data?.items ?? [])].sort((a, b) => (b.key ?? "").localeCompare(a.key ?? ""))
        : (data?.items ?? []),
    [data, by],
  );
  const option = useMemo(
    () =>
      totalsBarsOption(
        rows.map((r) => ({
          name: by === "park" && r.key === null ? noPark : by === "clause" ? split(r).clause : r.name,
          approvedWan: fenToWan(r.approvedFen),
          paidWan: fenToWan(r.paidFen),
        })),
        { approved: t("totals.approvedFen"), paid: t("totals.paidFen"), unit: t("field.unit") },
        by === "year",
      ),
    [rows, by, t, noPark],
  );

  const columns: ColumnsType<PolicyTotal> = [
    {
      title: t(`totals.name.${by}`),
      key: "name",
      render: (_, r) => {
        if (by !== "clause" || !r.key) return label(r);
        const { clause, policy } = split(r);
        return (
          <Flex vertical gap={2}>
            <Link to={`/policies/${r.key}`}>{clause}</Link>
            {policy && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {policy}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    { title: t("totals.applications"), dataIndex: "applications", width: 110, align: "right" },
    { title: t("totals.approvedCount"), dataIndex: "approved", width: 110, align: "right" },
    {
      title: t("totals.approvedFen"),
      dataIndex: "approvedFen",
      width: 150,
      align: "right",
      render: (v: number) => formatWan(v),
    },
    {
      title: t("totals.paidFen"),
      dataIndex: "paidFen",
      width: 150,
      align: "right",
      render: (v: number) => formatWan(v),
    },
    {
      title: t("totals.paidRate"),
      key: "rate",
      width: 100,
      align: "right",
      render: (_, r) => percent(r.paidFen, r.approvedFen),
    },
  ];
  const total = data?.total;

  return (
    <>
      <PageHeader title={t("totals.title")} sub={t("totals.sub")} />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented<TotalsBy>
          value={by}
          onChange={(v) => set("by", v)}
          options={bys.map((b) => ({ value: b, label: t(`totals.by.${b}`) }))}
        />
        <DatePicker
          picker="year"
          value={year ? dayjs(`${year}-01-01`) : null}
          onChange={(d) => set("year", d ? d.year() : null)}
          placeholder={t("totals.yearAll")}
          aria-label={t("totals.year")}
          style={{ width: 140 }}
        />
        <RegionPicker
          value={regionId ?? null}
          onChange={(v) => set("regionId", v)}
          allowClear
          placeholder={t("totals.regionAll")}
          style={{ width: 220 }}
        />
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      {rows.some((r) => r.approvedFen > 0 || r.paidFen > 0) && (
        <Card style={{ marginBottom: 16 }}>
          <EChart option={option} height={Math.max(200, rows.length * 44 + 60)} label={t("totals.title")} />
        </Card>
      )}
      <Card>
        <Table<PolicyTotal>
          rowKey={(r) => r.key ?? "none"}
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={isFetching}
          pagination={false}
          data-testid="totals-table"
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("totals.empty")} />,
          }}
          summary={() =>
            total && rows.length > 0 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t("totals.total")}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {total.applications}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {total.approved}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {formatWan(total.approvedFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {formatWan(total.paidFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  {percent(total.paidFen, total.approvedFen)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
    </>
  );
};
