import { PlayCircleOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Flex, Space, Spin, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import {
  classLabels,
  type IndicatorKey,
  indicatorDefs,
  resultClasses,
} from "../../../../common/evaluation.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { formatDateTime } from "../../../lib/format";
import { usePreflight, useRuns, useScheme, useStartRun } from "../api/evaluation.api";
import type { RunRow } from "../api/evaluation.types";
import { SchemeEditor } from "./SchemeEditor";

/** One scheme: its indicators and cuts, the preflight of its year's figures, its runs. */
export const SchemePage = () => {
  const { id = "" } = useParams();
  const { t } = useTranslation("evaluation");
  const { data: scheme, error, refetch } = useScheme(id);
  const canManage = usePermission("evaluation.manage");
  const canRun = usePermission("evaluation.run");
  if (error) return <ApiErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!scheme) return null;
  return (
    <>
      <PageHeader
        title={scheme.name}
        sub={`${scheme.regionName} · ${scheme.year} 年度`}
        extra={<Link to="/evaluation">{t("schemes.title")}</Link>}
      />
      <Flex vertical gap={16}>
        {canRun ? <RunCard schemeId={scheme.id} /> : null}
        <RunsCard schemeId={scheme.id} />
        <Card title={t("scheme.edit")}>
          <SchemeEditor key={scheme.version} scheme={scheme} canManage={canManage} />
        </Card>
      </Flex>
    </>
  );
};

const RunCard = ({ schemeId }: { schemeId: string }) => {
  const { t } = useTranslation("evaluation");
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const navigate = useNavigate();
  const pre = usePreflight(schemeId);
  const start = useStartRun();
  const [elapsed, setElapsed] = useState(0);
  // The run is one statement on the server, which reports no progress: the card says what it does
  // and for how long it has been at it, never a made-up percentage.
  useEffect(() => {
    if (!start.isPending) return;
    const t0 = Date.now();
    setElapsed(0);
    const h = setInterval(() => setElapsed(Math.floor((Date.now() - t0) / 1000)), 1000);
    return () => clearInterval(h);
  }, [start.isPending]);
  const go = (force: boolean) =>
    start.mutate(
      { schemeId, force },
      {
        onSuccess: (run) => {
          const n = Object.values(run.counts).reduce((s, x) => s + (x ?? 0), 0);
          feedback.success(t("scheme.runDone", { n }));
          navigate(`/evaluation/runs/${run.id}`);
        },
        onError: feedback.error,
      },
    );
  const blocked = (pre.data?.missing ?? 0) > 0 || (pre.data?.noBenchmark ?? 0) > 0;
  const onRun = () =>
    blocked
      ? modal.confirm({ title: t("scheme.runForce"), content: t("scheme.runConfirm"), onOk: () => go(true) })
      : go(false);
  return (
    <Card
      title={t("scheme.preflight")}
      extra={
        <Button
          type="primary"
          icon={<PlayCircleOutlined />}
          loading={start.isPending}
          onClick={onRun}
          disabled={!pre.data}
        >
          {t("scheme.run")}
        </Button>
      }
    >
      <ApiErrorAlert error={pre.error} onRetry={() => void pre.refetch()} />
      {start.isPending ? (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Space>
            <Spin size="small" />
            <Typography.Text>{t("scheme.running")}</Typography.Text>
          </Space>
          <Typography.Text type="secondary">{t("scheme.runningFor", { s: elapsed })}</Typography.Text>
        </Space>
      ) : null}
      {pre.data ? (
        <Flex vertical gap={8}>
          <Typography.Text>
            {t("scheme.scope", {
              above: pre.data.evaluated.above,
              below: pre.data.evaluated.below,
              t: pre.data.excluded,
            })}
          </Typography.Text>
          {pre.data.missing === 0 ? (
            <Alert type="success" showIcon message={t("scheme.missingNone")} />
          ) : (
            <Alert type="warning" showIcon message={t("scheme.missingSome", { n: pre.data.missing })} />
          )}
          {pre.data.noBenchmark > 0 ? (
            <Alert type="warning" showIcon message={t("scheme.noBenchmark", { n: pre.data.noBenchmark })} />
          ) : null}
          {pre.data.benchmarks.length ? (
            <Space wrap>
              {pre.data.benchmarks.map((b) => (
                <Tag key={`${b.group}${b.key}`} color={b.average === null ? "red" : "blue"}>
                  {b.group === "above" ? "规上" : "规下"} {indicatorDefs[b.key as IndicatorKey].label}{" "}
                  上年均值{" "}
                  {b.average === null
                    ? "无数据"
                    : b.average.toLocaleString("zh-CN", { maximumFractionDigits: 4 })}
                </Tag>
              ))}
            </Space>
          ) : null}
          {pre.data.items.length ? (
            <Table
              size="small"
              rowKey="enterpriseId"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={pre.data.items}
              columns={[
                { title: t("scheme.firm"), dataIndex: "name" },
                {
                  title: "规模",
                  dataIndex: "sizeClass",
                  width: 80,
                  render: (v: string) => (v === "above" ? "规上" : "规下"),
                },
                {
                  title: t("scheme.missingFigures"),
                  dataIndex: "missing",
                  render: (v: string[]) => v.join("、"),
                },
              ]}
            />
          ) : null}
        </Flex>
      ) : null}
    </Card>
  );
};

const RunsCard = ({ schemeId }: { schemeId: string }) => {
  const { t } = useTranslation("evaluation");
  const { data, isFetching } = useRuns(schemeId);
  return (
    <Card title={t("scheme.runs")}>
      <Table<RunRow>
        size="small"
        rowKey="id"
        loading={isFetching}
        dataSource={data ?? []}
        pagination={false}
        locale={{ emptyText: t("scheme.runsEmpty") }}
        columns={[
          {
            title: t("scheme.startedAt"),
            dataIndex: "startedAt",
            width: 170,
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t("scheme.counts"),
            render: (_, r) => (
              <Space wrap>
                {resultClasses.map((c) => (
                  <Tag key={c}>
                    {classLabels[c].slice(0, 3)} {r.counts[c] ?? 0}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: "校验摘要",
            dataIndex: "digest",
            width: 120,
            render: (v: string | null) => <code>{v?.slice(0, 8)}</code>,
          },
          {
            width: 100,
            render: (_, r) => <Link to={`/evaluation/runs/${r.id}`}>{t("scheme.viewResults")}</Link>,
          },
        ]}
      />
    </Card>
  );
};
