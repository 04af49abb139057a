import { Card, Col, Empty, Row, Skeleton, Statistic, Table, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ProjectStage } from "../../../../common/project.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { EChart } from "../../../components/EChart";
import { PageHeader } from "../../../components/PageHeader";
import { useListState } from "../../../lib/list-state";
import { type PipelineSummary, usePipeline } from "../api/projects.api";
import "../charts/register";
import { reachedFunnelOption, stageBarsOption } from "../charts/pipeline.chart";
import { amountText, percentText } from "../format";
import { ProjectFilters, projectFilterKeys } from "./ProjectFilters";

type Conversion = PipelineSummary["conversion"][number];
type Duration = PipelineSummary["durations"][number];

/** 推进总览: how many projects stand at and reached each stage, how fast they move, what is late. */
export const PipelinePage = () => {
  const { t } = useTranslation("projects");
  const list = useListState(projectFilterKeys);
  const { page: _p, pageSize: _s, sort: _o, order: _d, stage: _st, ...filters } = list.query;
  const { data, isLoading, error, refetch } = usePipeline(filters);
  const name = (s: ProjectStage) => t(`stage.${s}`);
  const units = { wan: t("field.wan"), yi: t("field.yi") };

  const bars = useMemo(
    () =>
      stageBarsOption(
        (data?.stages ?? []).map((s) => ({
          name: t(`stage.${s.stage}`),
          n: s.n,
          investmentFen: s.investmentFen,
        })),
        {
          count: t("pipeline.current"),
          investment: t("pipeline.investment"),
          countUnit: t("pipeline.unit"),
          moneyUnit: t("field.yi"),
        },
      ),
    [data, t],
  );
  const funnel = useMemo(
    () =>
      reachedFunnelOption(
        (data?.stages ?? [])
          .filter((s) => s.reached !== null)
          .map((s) => ({ name: t(`stage.${s.stage}`), reached: s.reached ?? 0 })),
        t("pipeline.unit"),
      ),
    [data, t],
  );

  const investment = (data?.stages ?? []).reduce((a, s) => a + s.investmentFen, 0);
  const signed = (data?.stages ?? []).find((s) => s.stage === "signed")?.reached ?? 0;
  const stopped = (data?.stages ?? []).find((s) => s.stage === "stopped")?.n ?? 0;

  return (
    <>
      <PageHeader title={t("pipeline.title")} sub={t("pipeline.sub")} />
      <ProjectFilters list={list} show={["channel", "tier"]} />
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      {isLoading ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : !data || data.total === 0 ? (
        <Card>
          <Empty description={list.hasFilters ? t("common:state.noMatch") : t("pipeline.empty")} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={12} lg={6}>
            <Card style={{ height: "100%" }}>
              <Statistic
                title={t("pipeline.total")}
                value={data.total}
                suffix={t("pipeline.unit")}
                data-testid="pipeline-total"
              />
            </Card>
          </Col>
          <Col xs={12} lg={6}>
            <Card style={{ height: "100%" }}>
              <Statistic title={t("pipeline.investmentTotal")} value={amountText(investment, units) || "0"} />
            </Card>
          </Col>
          <Col xs={12} lg={6}>
            <Card style={{ height: "100%" }}>
              <Statistic title={t("pipeline.signed")} value={signed} suffix={t("pipeline.unit")} />
              <Typography.Text type="secondary">{t("pipeline.stopped", { n: stopped })}</Typography.Text>
            </Card>
          </Col>
          <Col xs={12} lg={6}>
            <Card style={{ height: "100%" }}>
              <Statistic
                title={t("pipeline.overdueNodes")}
                value={data.overdueNodes}
                suffix={t("pipeline.nodeUnit")}
                styles={{ content: data.overdueNodes > 0 ? { color: "#cf1322" } : undefined }}
              />
              {data.overdueNodes > 0 && <Link to="/nodes?due=overdue">{t("pipeline.overdueOpen")}</Link>}
            </Card>
          </Col>
          <Col xs={24} xl={15}>
            <Card title={t("pipeline.chart")}>
              <EChart option={bars} height={340} label={t("pipeline.chartLabel")} />
            </Card>
          </Col>
          <Col xs={24} xl={9}>
            <Card title={t("pipeline.funnel")} style={{ height: "100%" }}>
              <EChart option={funnel} height={340} label={t("pipeline.funnelLabel")} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t("pipeline.conversion")} styles={{ body: { padding: 0 } }}>
              <Table<Conversion>
                size="small"
                rowKey={(c) => `${c.from}-${c.to}`}
                pagination={false}
                dataSource={data.conversion}
                columns={[
                  {
                    title: t("pipeline.transition"),
                    key: "tr",
                    render: (_, c) => `${name(c.from)} → ${name(c.to)}`,
                  },
                  {
                    title: t("pipeline.rate"),
                    dataIndex: "rate",
                    align: "right",
                    render: (v: number | null) => percentText(v),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t("pipeline.durations")} styles={{ body: { padding: 0 } }}>
              <Table<Duration>
                size="small"
                rowKey={(d) => `${d.from}-${d.to}`}
                pagination={false}
                dataSource={data.durations}
                locale={{
                  emptyText: (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("pipeline.noDurations")} />
                  ),
                }}
                columns={[
                  {
                    title: t("pipeline.transition"),
                    key: "tr",
                    render: (_, d) => `${name(d.from)} → ${name(d.to)}`,
                  },
                  {
                    title: t("pipeline.median"),
                    dataIndex: "medianWorkdays",
                    align: "right",
                    render: (v: number | null) =>
                      v === null
                        ? "—"
                        : t("pipeline.workdays", {
                            n: v.toLocaleString("zh-CN", { maximumFractionDigits: 1 }),
                          }),
                  },
                  { title: t("pipeline.samples"), dataIndex: "n", align: "right", width: 100 },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
};
