import { Card, Col, DatePicker, Empty, Flex, Row, Segmented, Skeleton, Statistic, Table } from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { EChart } from "../../../components/EChart";
import { ExportButton } from "../../../components/ExportButton";
import { PageHeader } from "../../../components/PageHeader";
import {
  type FundGroup,
  type FundSummaryRow,
  useExportFundSummary,
  useFundSummary,
} from "../api/performance.api";
import "../charts/register";
import { fillMonths, fundsBarOption } from "../charts/funds.chart";
import { monthText, usdText, wanText } from "../format";

const groups: FundGroup[] = ["park", "team", "month"];
type Labelled = FundSummaryRow & { label: string };
const groupLabel = { park: "fundSummary.byPark", team: "fundSummary.byTeam", month: "fundSummary.byMonth" };

/** 到位资金统计: a year's funds in place over the projects in scope, by park, team or month; export. */
export const FundsSummaryPage = () => {
  const { t, i18n } = useTranslation("projects");
  const [params, setParams] = useSearchParams();
  const thisYear = dayjs().year();
  const year = Number(params.get("year")) || thisYear;
  const groupBy = (groups as string[]).includes(params.get("groupBy") ?? "")
    ? (params.get("groupBy") as FundGroup)
    : "park";
  const query = { year, groupBy };
  const { data, isLoading, isFetching, error, refetch } = useFundSummary(query);
  const exportSummary = useExportFundSummary();
  const set = (key: string, value: string) =>
    setParams(
      (p) => {
        const q = new URLSearchParams(p);
        q.set(key, value);
        return q;
      },
      { replace: true },
    );

  const lang = i18n.language;
  const unnamed = t("fundSummary.unnamed");
  const rows = useMemo((): Labelled[] => {
    const items = data ?? [];
    const all =
      groupBy === "month" && items.length > 0
        ? fillMonths<FundSummaryRow>(year, items, (m) => ({
            id: m,
            name: m,
            domesticFen: 0,
            foreignCents: 0,
            projects: 0,
          }))
        : items;
    return all.map((r) => ({
      ...r,
      label: groupBy === "month" && r.name ? monthText(r.name, lang) : (r.name ?? unnamed),
    }));
  }, [data, groupBy, year, lang, unnamed]);
  const wan = t("field.wan");
  const usd = t("field.usd");
  const option = useMemo(
    () =>
      fundsBarOption(
        rows.map((r) => ({ name: r.label, domesticFen: r.domesticFen, foreignCents: r.foreignCents })),
        { domestic: t("funds.domestic"), foreign: t("funds.foreign"), wan, usd },
      ),
    [rows, t, wan, usd],
  );
  const domestic = rows.reduce((a, r) => a + r.domesticFen, 0);
  const foreign = rows.reduce((a, r) => a + r.foreignCents, 0);
  const group = t(`fundSummary.${groupBy}`);

  return (
    <>
      <PageHeader
        title={t("fundSummary.title")}
        sub={t("fundSummary.sub")}
        extra={<ExportButton mutation={exportSummary} params={query} />}
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <DatePicker
          picker="year"
          value={dayjs(`${year}-01-01`)}
          allowClear={false}
          disabledDate={(d) => d.year() > thisYear}
          onChange={(d) => d && set("year", String(d.year()))}
          aria-label={t("fundSummary.year")}
          format={i18n.language === "en" ? "YYYY" : "YYYY年"}
          style={{ width: 120 }}
        />
        <Segmented<FundGroup>
          value={groupBy}
          onChange={(g) => set("groupBy", g)}
          options={groups.map((g) => ({ value: g, label: t(groupLabel[g]) }))}
          aria-label={t("fundSummary.groupBy")}
        />
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      {isLoading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : rows.length === 0 ? (
        <Card>
          <Empty description={t("fundSummary.empty", { year })} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={12} lg={6}>
            <Card style={{ height: "100%" }}>
              <Statistic
                title={t("fundSummary.totalDomestic")}
                value={wanText(domestic, wan)}
                data-testid="funds-domestic-total"
              />
            </Card>
          </Col>
          <Col xs={12} lg={6}>
            <Card style={{ height: "100%" }}>
              <Statistic title={t("fundSummary.totalForeign")} value={usdText(foreign, usd)} />
            </Card>
          </Col>
          <Col xs={24}>
            <Card title={t("fundSummary.chart", { year })}>
              <EChart option={option} height={340} label={t("fundSummary.chartLabel", { year, group })} />
            </Card>
          </Col>
          <Col xs={24}>
            <Card styles={{ body: { padding: 0 } }}>
              <Table<Labelled>
                size="middle"
                rowKey={(r) => r.id ?? "none"}
                loading={isFetching}
                pagination={false}
                dataSource={rows}
                columns={[
                  { title: group, key: "name", dataIndex: "label" },
                  { title: t("fundSummary.projects"), dataIndex: "projects", width: 110, align: "right" },
                  {
                    title: t("funds.domesticWan"),
                    dataIndex: "domesticFen",
                    width: 180,
                    align: "right",
                    render: (v: number) => wanText(v, ""),
                  },
                  {
                    title: t("funds.foreignUsd"),
                    dataIndex: "foreignCents",
                    width: 180,
                    align: "right",
                    render: (v: number) => usdText(v, ""),
                  },
                ]}
                summary={() => (
                  <Table.Summary.Row style={{ fontWeight: 600 }}>
                    <Table.Summary.Cell index={0}>{t("fundSummary.total")}</Table.Summary.Cell>
                    <Table.Summary.Cell index={1} />
                    <Table.Summary.Cell index={2} align="right">
                      {wanText(domestic, "")}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      {usdText(foreign, "")}
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )}
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
};
