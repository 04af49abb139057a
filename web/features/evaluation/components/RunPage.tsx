import { Card, Drawer, Flex, Segmented, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import {
  classColors,
  classLabels,
  type ResultClass,
  resultClasses,
} from "../../../../common/evaluation.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { EChart } from "../../../components/EChart";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { SearchBox } from "../../../components/SearchBox";
import { useListState } from "../../../lib/list-state";
import { useDistributions, useExportResults, useResults, useRun } from "../api/evaluation.api";
import type { DistributionRow, ResultRow } from "../api/evaluation.types";
import { classBarsOption } from "../charts/classes.chart";
import "../charts/register";
import { FirmCard } from "./FirmCard";
import { MovementCard } from "./MovementCard";

const filterKeys = ["class", "parkId"] as const;
const shortNames = Object.fromEntries(resultClasses.map((c) => [c, `${c} 类`])) as Record<
  ResultClass,
  string
>;
export const ClassTag = ({ c }: { c: ResultClass }) => <Tag color={classColors[c]}>{classLabels[c]}</Tag>;
const num = (v: number | null, d = 2) =>
  v === null ? "—" : v.toLocaleString("zh-CN", { maximumFractionDigits: d });

/** 评价结果: the class distribution by park or industry, the ranked list per class, each firm's card. */
export const RunPage = () => {
  const { id = "" } = useParams();
  const { t } = useTranslation("evaluation");
  const run = useRun(id);
  const dist = useDistributions(id);
  const list = useListState(filterKeys);
  const results = useResults(id, list.query);
  const exportList = useExportResults(id);
  const [by, setBy] = useState<"parks" | "industries" | "chains">("parks");
  const [open, setOpen] = useState<string | null>(null);
  const rows: DistributionRow[] = useMemo(
    () =>
      dist.data
        ? [...(dist.data.all ? [{ ...dist.data.all, key: t("run.all") }] : []), ...dist.data[by]]
        : [],
    [dist.data, by, t],
  );
  if (run.error) return <ApiErrorAlert error={run.error} onRetry={() => void run.refetch()} />;
  return (
    <>
      <PageHeader
        title={run.data ? `${run.data.schemeName} · ${t("run.title", { year: run.data.year })}` : ""}
        sub={run.data ? `${run.data.regionName}` : undefined}
        extra={
          run.data ? <Link to={`/evaluation/schemes/${run.data.schemeId}`}>{t("scheme.runs")}</Link> : null
        }
      />
      <Flex vertical gap={16}>
        <Card
          title={t("run.distribution")}
          extra={
            <Segmented
              value={by}
              onChange={(v) => setBy(v as "parks" | "industries" | "chains")}
              options={[
                { value: "parks", label: t("run.byPark") },
                { value: "industries", label: t("run.byIndustry") },
                { value: "chains", label: t("run.byChain") },
              ]}
            />
          }
        >
          <ApiErrorAlert error={dist.error} onRetry={() => void dist.refetch()} />
          {by === "chains" && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t("run.byChainHint")}
            </Typography.Paragraph>
          )}
          {rows.length ? (
            <EChart
              option={classBarsOption(rows, shortNames)}
              height={Math.max(160, rows.length * 36 + 60)}
              label={t("run.chartLabel")}
            />
          ) : null}
          <Table<DistributionRow>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={rows}
            columns={[
              { title: t("run.key"), dataIndex: "key" },
              ...resultClasses.map((c) => ({
                title: shortNames[c],
                width: 70,
                render: (_: unknown, r: DistributionRow) => r.counts[c],
              })),
              { title: t("run.total"), dataIndex: "total", width: 80 },
              {
                title: t("run.taxPerMu"),
                width: 150,
                render: (_: unknown, r: DistributionRow) => num(r.taxPerMu),
              },
            ]}
          />
        </Card>
        <MovementCard runId={id} />
        <Card
          title={
            <Space>
              <Segmented
                value={list.query.class ?? ""}
                onChange={(v) => list.update({ class: v ? String(v) : undefined })}
                options={[
                  { value: "", label: t("run.all") },
                  ...resultClasses.map((c) => ({ value: c, label: shortNames[c] })),
                ]}
              />
              <SearchBox
                value={list.query.q}
                onSearch={(q) => list.update({ q })}
                placeholder={t("run.search")}
                width={220}
              />
            </Space>
          }
          extra={<ExportButton mutation={exportList} params={list.query} />}
        >
          <ApiErrorAlert error={results.error} onRetry={() => void results.refetch()} />
          <ListTable<ResultRow>
            rowKey="enterpriseId"
            page={results.data}
            loading={results.isFetching}
            list={list}
            emptyText={t("run.empty")}
            columns={[
              {
                title: t("run.rank"),
                dataIndex: "position",
                width: 70,
                render: (v: number | null) => v ?? "—",
              },
              {
                title: t("run.firm"),
                dataIndex: "enterpriseName",
                render: (v: string, r) => (
                  <Typography.Link
                    href={`#${r.enterpriseId}`}
                    onClick={(e) => {
                      e.preventDefault();
                      setOpen(r.enterpriseId);
                    }}
                  >
                    {v}
                  </Typography.Link>
                ),
              },
              { title: t("run.park"), dataIndex: "parkName", render: (v: string | null) => v ?? "—" },
              {
                title: t("run.size"),
                dataIndex: "sizeGroup",
                width: 70,
                render: (v: string) => (v === "above" ? "规上" : "规下"),
              },
              {
                title: t("run.score"),
                dataIndex: "total",
                key: "total",
                width: 90,
                sorter: true,
                sortOrder: list.sortOrderOf("total"),
                render: (v: number, r) => (r.class === "T" ? "—" : num(v)),
              },
              {
                title: t("run.class"),
                dataIndex: "class",
                width: 160,
                render: (v: ResultClass) => <ClassTag c={v} />,
              },
              {
                title: t("run.sites"),
                render: (_, r) =>
                  r.sites?.length
                    ? r.sites.map((x) => (
                        <Link
                          key={x.id}
                          to={`/sites?q=${encodeURIComponent(x.name)}`}
                          style={{ marginRight: 8 }}
                        >
                          {x.name}
                        </Link>
                      ))
                    : "—",
              },
              {
                title: t("run.note"),
                render: (_, r) =>
                  [
                    r.tReason,
                    r.forcedReason,
                    r.overrideReason ? `人工调整：${r.overrideReason}` : null,
                    r.members > 1 ? `${r.members} 家同地块合并` : null,
                  ]
                    .filter(Boolean)
                    .join("；"),
              },
            ]}
          />
        </Card>
      </Flex>
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        title={t("card.title")}
        size={780}
        destroyOnHidden
      >
        {open ? <FirmCard runId={id} enterpriseId={open} /> : null}
      </Drawer>
    </>
  );
};
