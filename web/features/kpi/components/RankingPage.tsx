import { CaretDownOutlined, CaretUpOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Drawer, Empty, Flex, Select, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { addDays, parsePeriodKey, periodOf } from "../../../../common/kpi.period";
import type { RankingUnit, RunCreate, RunRow } from "../../../../common/kpi.schema";
import { ruleKindLabels } from "../../../../common/kpi.score";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { EChart } from "../../../components/EChart";
import { ExportButton } from "../../../components/ExportButton";
import { PageHeader } from "../../../components/PageHeader";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { formatDateTime } from "../../../lib/format";
import { useExportRun, useRanking, useRunScheme, useSchemes } from "../api/kpi.api";
import { rankingBarsOption } from "../charts/ranking.chart";
import "../charts/register";
import { AdjustModal } from "./AdjustModal";

const num = (v: number | null | undefined, d = 2) =>
  v === null || v === undefined ? "—" : v.toLocaleString("zh-CN", { maximumFractionDigits: d });

/** ▲ rose, ▼ fell, — same; "新进" when it was not ranked last period. */
export const ChangeCell = ({ change }: { change: number | null }) => {
  const { t } = useTranslation("kpi");
  if (change === null) return <Typography.Text type="secondary">{t("ranking.new")}</Typography.Text>;
  if (change > 0)
    return (
      <Typography.Text style={{ color: "#cf1322" }} aria-label={`上升 ${change}`}>
        <CaretUpOutlined />
        {change}
      </Typography.Text>
    );
  if (change < 0)
    return (
      <Typography.Text style={{ color: "#389e0d" }} aria-label={`下降 ${-change}`}>
        <CaretDownOutlined />
        {-change}
      </Typography.Text>
    );
  return <Typography.Text type="secondary">{t("ranking.flat")}</Typography.Text>;
};

/** The last few periods of a kind up to today, newest first, plus those already run. */
function periodOptions(kind: string, runKeys: string[]) {
  const today = new Date().toISOString().slice(0, 10);
  const keys = new Set(runKeys);
  let p = periodOf(kind as "month", today);
  for (let i = 0; i < 12; i++) {
    keys.add(p.key);
    p = periodOf(p.kind, addDays(p.from, -1));
  }
  return [...keys]
    .map((k) => parsePeriodKey(k))
    .filter((x) => x !== null)
    .sort((a, b) => (a.from < b.from ? 1 : -1))
    .map((x) => ({ value: x.key, label: x.label }));
}

/** 赛马排名: a scheme's units ranked for a period, their totals, per-indicator scores and ▲▼. */
export const RankingPage = () => {
  const { t } = useTranslation("kpi");
  const feedback = useFeedback();
  const canRun = usePermission("kpi.manage");
  const [params, setParams] = useSearchParams();
  const schemes = useSchemes();
  const schemeId = params.get("scheme") ?? schemes.data?.items[0]?.id;
  const scheme = schemes.data?.items.find((s) => s.id === schemeId);
  const periodKey = params.get("period") ?? undefined;
  const ranking = useRanking(schemeId, periodKey);
  const run = ranking.data?.run ?? null;
  const chosen = periodKey ?? run?.periodKey;
  const runScheme = useRunScheme();
  const exportRun = useExportRun(run);
  const [open, setOpen] = useState<RankingUnit | null>(null);
  const options = useMemo(
    () => (scheme ? periodOptions(scheme.periodKind, ranking.data?.periods ?? []) : []),
    [scheme, ranking.data?.periods],
  );
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k === "scheme") next.delete("period");
    setParams(next, { replace: true });
  };
  const [adjusting, setAdjusting] = useState(false);
  const compute = (adjustments: RunCreate["adjustments"]) =>
    schemeId &&
    chosen &&
    runScheme.mutate(
      { schemeId, body: { periodKey: chosen, adjustments } },
      {
        onSuccess: (r) => {
          feedback.success(t("ranking.ran", { label: r.periodLabel }));
          setAdjusting(false);
          set("period", r.periodKey);
        },
        onError: feedback.error,
      },
    );
  const showRun = run && (!periodKey || run.periodKey === periodKey) ? run : null;
  // A scheme with bonus or deduction items asks for their points first.
  const startRun = () => (scheme?.adjustments.length ? setAdjusting(true) : compute([]));
  return (
    <>
      <PageHeader
        title={t("ranking.title")}
        sub={t("ranking.sub")}
        extra={
          <>
            <Select
              aria-label={t("ranking.scheme")}
              style={{ width: 280 }}
              value={schemeId}
              onChange={(v) => set("scheme", v)}
              options={(schemes.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
              placeholder={t("ranking.scheme")}
            />
            <Select
              aria-label={t("ranking.period")}
              style={{ width: 160 }}
              value={chosen}
              onChange={(v) => set("period", v)}
              options={options}
              placeholder={t("ranking.period")}
            />
            {canRun && (
              <Button type="primary" onClick={startRun} loading={runScheme.isPending} disabled={!chosen}>
                {t("ranking.run")}
              </Button>
            )}
            {showRun && <ExportButton mutation={exportRun} params={{}} />}
          </>
        }
      />
      <ApiErrorAlert error={schemes.error ?? ranking.error} onRetry={() => void ranking.refetch()} />
      {schemes.data && schemes.data.items.length === 0 ? (
        <Empty description={t("ranking.noSchemes")} />
      ) : showRun ? (
        <RunView run={showRun} onOpen={setOpen} />
      ) : (
        <Card loading={ranking.isLoading}>
          <Empty description={t("ranking.empty")} />
        </Card>
      )}
      <Breakdown run={showRun} unit={open} onClose={() => setOpen(null)} />
      {adjusting && scheme && (
        <AdjustModal
          scheme={scheme}
          last={showRun}
          loading={runScheme.isPending}
          onOk={compute}
          onClose={() => setAdjusting(false)}
        />
      )}
    </>
  );
};

const RunView = ({ run, onOpen }: { run: RunRow; onOpen: (u: RankingUnit) => void }) => {
  const { t } = useTranslation("kpi");
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">
        {run.schemeName} · {run.periodLabel}（{run.from} 至 {run.to}） ·{" "}
        {run.previousPeriodLabel
          ? t("ranking.computed", {
              at: formatDateTime(run.computedAt),
              by: run.computedByName ?? "—",
              prev: run.previousPeriodLabel,
            })
          : t("ranking.noPrev")}
      </Typography.Text>
      <Table<RankingUnit>
        rowKey="unitId"
        size="middle"
        pagination={false}
        dataSource={run.units}
        scroll={{ x: 720 + run.items.length * 120 }}
        onRow={(u) => ({ onClick: () => onOpen(u), style: { cursor: "pointer" } })}
        columns={[
          {
            title: t("ranking.rank"),
            dataIndex: "rank",
            width: 70,
            fixed: "left",
            render: (r: number) => (r <= 3 ? <Tag color="gold">{r}</Tag> : r),
          },
          { title: t("ranking.change"), width: 80, render: (_, u) => <ChangeCell change={u.change} /> },
          {
            title: t("ranking.unit"),
            dataIndex: "unitName",
            width: 180,
            render: (v: string, u) => <Typography.Link onClick={() => onOpen(u)}>{v}</Typography.Link>,
          },
          {
            title: t("ranking.total"),
            dataIndex: "total",
            width: 90,
            render: (v: number) => <strong>{num(v)}</strong>,
          },
          ...run.items.map((it) => ({
            title: `${it.indicatorName}（${it.weight}）`,
            key: it.indicatorKey,
            width: 130,
            render: (_: unknown, u: RankingUnit) => {
              const s = u.scores[it.indicatorKey];
              if (!s || s.note === "no_data")
                return <Typography.Text type="secondary">{t("ranking.noData")}</Typography.Text>;
              return num(s.score);
            },
          })),
          {
            title: t("ranking.bonus"),
            dataIndex: "bonus",
            width: 70,
            render: (v: number) => (v ? `+${v}` : "—"),
          },
          {
            title: t("ranking.deduction"),
            dataIndex: "deduction",
            width: 70,
            render: (v: number) => (v ? `−${v}` : "—"),
          },
        ]}
      />
      <Card title={t("ranking.chart")} size="small">
        <EChart
          option={rankingBarsOption(run.units)}
          height={Math.max(180, run.units.length * 34 + 40)}
          label={t("ranking.chart")}
        />
      </Card>
    </Flex>
  );
};

const Breakdown = ({
  run,
  unit,
  onClose,
}: {
  run: RunRow | null;
  unit: RankingUnit | null;
  onClose: () => void;
}) => {
  const { t } = useTranslation("kpi");
  if (!run || !unit) return null;
  return (
    <Drawer open width={720} onClose={onClose} title={t("ranking.breakdown", { unit: unit.unitName })}>
      <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t("ranking.rank")}>{unit.rank}</Descriptions.Item>
        <Descriptions.Item label={t("ranking.total")}>{num(unit.total)}</Descriptions.Item>
        <Descriptions.Item label={t("ranking.change")}>
          <ChangeCell change={unit.change} />
        </Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="indicatorKey"
        size="small"
        pagination={false}
        dataSource={run.items}
        columns={[
          { title: t("ranking.indicator"), dataIndex: "indicatorName" },
          { title: t("ranking.weight"), dataIndex: "weight", width: 60 },
          { title: t("ranking.rule"), width: 130, render: (_, it) => ruleKindLabels[it.rule.kind] },
          {
            title: t("ranking.value"),
            width: 100,
            render: (_, it) => {
              const s = unit.scores[it.indicatorKey];
              return s?.value === null || !s ? t("ranking.noData") : `${num(s.value)} ${it.unit}`;
            },
          },
          {
            title: t("ranking.goal"),
            width: 90,
            render: (_, it) => {
              const g = unit.scores[it.indicatorKey]?.goal;
              return g === null || g === undefined ? t("ranking.noGoal") : num(g);
            },
          },
          {
            title: t("ranking.ratio"),
            width: 80,
            render: (_, it) => {
              const r = unit.scores[it.indicatorKey]?.ratio;
              return r === null || r === undefined ? "n/a" : `${num(r * 100, 1)}%`;
            },
          },
          {
            title: t("ranking.score"),
            width: 70,
            render: (_, it) => num(unit.scores[it.indicatorKey]?.score),
          },
        ]}
      />
      {unit.adjustments.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("ranking.adjustments")}
          </Typography.Title>
          {unit.adjustments.map((a) => (
            <div key={a.key}>
              {a.label}：{a.kind === "bonus" ? "+" : "−"}
              {a.points}
              {a.note ? `（${a.note}）` : ""}
            </div>
          ))}
        </>
      )}
    </Drawer>
  );
};
