import { Card, Col, Flex, Row, Select, Statistic, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { FundFigureRow, FundFigures } from "../../../../common/fund.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { PageHeader } from "../../../components/PageHeader";
import { useExtensions } from "../../../lib/extensions";
import { useExportFigures, useFundFigures } from "../api/funds.api";
import { leverageText, money } from "./inputs";

type YearRow = FundFigures["byYear"][number];

/** 基金招商统计: per park and year, fund money, co-investment, leverage and projects landed. */
export const FundFiguresPage = () => {
  const { t } = useTranslation("funds");
  const { ParkPicker } = useExtensions();
  const [params, setParams] = useSearchParams();
  const query = { year: params.get("year") ?? undefined, parkId: params.get("parkId") ?? undefined };
  const set = (k: "year" | "parkId", v: string | undefined) => {
    const next = new URLSearchParams(window.location.search);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const { data, isFetching, error, refetch } = useFundFigures(query);
  const exportFigures = useExportFigures();
  const na = t("page.na");
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 12 }, (_, i) => thisYear - i);
  const columns: ColumnsType<FundFigureRow> = [
    { title: t("figures.year"), dataIndex: "year", width: 80, sorter: (a, b) => a.year - b.year },
    { title: t("figures.park"), dataIndex: "parkName", width: 220 },
    {
      title: t("figures.fund"),
      dataIndex: "fundFen",
      align: "right",
      sorter: (a, b) => a.fundFen - b.fundFen,
      render: money,
    },
    {
      title: t("figures.co"),
      dataIndex: "coInvestFen",
      align: "right",
      sorter: (a, b) => a.coInvestFen - b.coInvestFen,
      render: money,
    },
    {
      title: t("figures.leverage"),
      dataIndex: "leverage",
      align: "right",
      sorter: (a, b) => (a.leverage ?? -1) - (b.leverage ?? -1),
      render: (x: number | null) => leverageText(x, "n/a"),
    },
    { title: t("figures.investments"), dataIndex: "investments", align: "right" },
    {
      title: t("figures.landed"),
      dataIndex: "projectsLanded",
      align: "right",
      sorter: (a, b) => a.projectsLanded - b.projectsLanded,
    },
  ];
  const yearColumns: ColumnsType<YearRow> = [
    { title: t("figures.year"), dataIndex: "year", width: 80 },
    { title: t("figures.fund"), dataIndex: "fundFen", align: "right", render: money },
    { title: t("figures.co"), dataIndex: "coInvestFen", align: "right", render: money },
    {
      title: t("figures.leverage"),
      dataIndex: "leverage",
      align: "right",
      render: (x: number | null) => leverageText(x, "n/a"),
    },
    { title: t("figures.landed"), dataIndex: "projectsLanded", align: "right" },
  ];
  const total = data?.total;
  return (
    <>
      <PageHeader
        title={t("figures.title")}
        sub={t("figures.sub")}
        extra={<ExportButton mutation={exportFigures} params={query} />}
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select<string>
          value={query.year}
          onChange={(y) => set("year", y)}
          allowClear
          aria-label={t("figures.year")}
          placeholder={t("figures.yearAll")}
          options={years.map((y) => ({ value: String(y), label: `${y} 年` }))}
          style={{ width: 130 }}
        />
        <ParkPicker
          value={query.parkId ?? null}
          onChange={(p) => set("parkId", p ?? undefined)}
          allowClear
          placeholder={t("list.parkAll")}
          style={{ width: 220 }}
        />
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t("figures.totalFund")} value={money(total?.fundFen ?? 0)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t("figures.totalCo")} value={money(total?.coInvestFen ?? 0)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" data-testid="figures-leverage">
            <Statistic
              title={t("figures.totalLeverage")}
              value={total ? leverageText(total.leverage, na) : "—"}
            />
            <Typography.Text type="secondary">{data?.formula ?? t("page.formula")}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t("figures.totalLanded")} value={total?.projectsLanded ?? 0} suffix="个" />
          </Card>
        </Col>
      </Row>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Table<FundFigureRow>
          rowKey={(r) => `${r.year}-${r.parkId ?? "none"}`}
          size="small"
          loading={isFetching}
          columns={columns}
          dataSource={data?.rows ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          locale={{ emptyText: t("figures.empty") }}
        />
      </Card>
      <Typography.Title level={5}>{t("figures.byYear")}</Typography.Title>
      <Card size="small">
        <Table<YearRow>
          rowKey="year"
          size="small"
          columns={yearColumns}
          dataSource={data?.byYear ?? []}
          pagination={false}
          locale={{ emptyText: t("figures.empty") }}
        />
      </Card>
    </>
  );
};
