import { ArrowLeftOutlined } from "@ant-design/icons";
import { Card, Empty, Flex, Segmented, Select, Skeleton, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { StatsRow } from "../../../../common/activity.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { EChart } from "../../../components/EChart";
import { PageHeader } from "../../../components/PageHeader";
import { useActivityStats } from "../api/activities.api";
import "../charts/register";
import { statsBarsOption } from "../charts/stats.chart";

const kinds = ["followUps", "receptions", "trips", "events"] as const;
type GroupBy = "officer" | "team";

/** 活动统计: follow-ups, receptions, trips and events per person or team in a year, and the leads they brought. */
export const StatsPage = () => {
  const { t } = useTranslation("activities");
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get("year") ?? thisYear) || thisYear;
  const groupBy: GroupBy = params.get("groupBy") === "team" ? "team" : "officer";
  const set = (k: string, v: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(k, v);
        return next;
      },
      { replace: true },
    );
  const { data, isLoading, error, refetch } = useActivityStats({ year, groupBy });
  const items = data?.items ?? [];
  const nameOf = (r: StatsRow) => r.name || (groupBy === "team" ? t("stats.noTeam") : "—");

  const option = useMemo(
    () =>
      statsBarsOption(
        (data?.items ?? []).slice(0, 20).map((r) => ({
          name: r.name || (groupBy === "team" ? t("stats.noTeam") : "—"),
          values: kinds.map((k) => r[k]),
        })),
        kinds.map((k) => t(`stats.${k}`)),
      ),
    [data, groupBy, t],
  );

  const num = (n: number) => (n === 0 ? <Typography.Text type="secondary">0</Typography.Text> : n);
  const columns: ColumnsType<StatsRow> = [
    {
      title: groupBy === "team" ? t("stats.teamName") : t("stats.name"),
      key: "name",
      render: (_, r) =>
        r.key && groupBy === "officer" ? (
          <Link to={`/activities?officer=${r.key}&from=${year}-01-01&to=${year}-12-31`}>{nameOf(r)}</Link>
        ) : r.key ? (
          <Link to={`/activities?teamId=${r.key}&from=${year}-01-01&to=${year}-12-31`}>{nameOf(r)}</Link>
        ) : (
          nameOf(r)
        ),
    },
    ...kinds.map((k) => ({
      title: t(`stats.${k}`),
      dataIndex: k,
      width: 110,
      align: "right" as const,
      render: num,
    })),
    { title: t("stats.leads"), dataIndex: "leads", width: 110, align: "right", render: num },
    {
      title: t("stats.total"),
      dataIndex: "total",
      width: 100,
      align: "right",
      render: (n: number) => <Typography.Text strong>{n}</Typography.Text>,
    },
  ];

  return (
    <>
      <Link to="/activities" style={{ display: "inline-block", marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t("list.title")}
      </Link>
      <PageHeader
        title={t("stats.title")}
        sub={t("stats.sub")}
        extra={
          <>
            <Select<number>
              value={year}
              onChange={(y) => set("year", String(y))}
              aria-label={t("stats.year")}
              options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({
                value: y,
                label: `${y} 年`,
              }))}
              style={{ width: 110 }}
            />
            <Segmented<GroupBy>
              value={groupBy}
              onChange={(g) => set("groupBy", g)}
              options={[
                { value: "officer", label: t("stats.byOfficer") },
                { value: "team", label: t("stats.byTeam") },
              ]}
            />
          </>
        }
      />
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      {isLoading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : items.length === 0 ? (
        <Card>
          <Empty description={t("stats.empty")} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          <Card>
            <EChart
              option={option}
              label={t("stats.chart")}
              height={Math.max(220, Math.min(items.length, 20) * 34 + 60)}
            />
          </Card>
          <Card>
            <Table<StatsRow>
              rowKey={(r) => r.key ?? "none"}
              columns={columns}
              dataSource={items}
              pagination={false}
              size="middle"
              summary={() =>
                data ? (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <Typography.Text strong>{t("stats.totals")}</Typography.Text>
                    </Table.Summary.Cell>
                    {[...kinds, "leads" as const, "total" as const].map((k, i) => (
                      <Table.Summary.Cell key={k} index={i + 1} align="right">
                        <Typography.Text strong>{data.totals[k]}</Typography.Text>
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                ) : null
              }
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t("stats.note")}
            </Typography.Paragraph>
          </Card>
        </Flex>
      )}
    </>
  );
};
