import {
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Row,
  Select,
  Skeleton,
  Statistic,
  Table,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  type DepartmentFigures,
  type ProblemCategory,
  problemCategories,
} from "../../../../common/problem.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { EChart } from "../../../components/EChart";
import { PageHeader } from "../../../components/PageHeader";
import { useListState } from "../../../lib/list-state";
import { useDepartmentFigures } from "../api/problems.api";
import "../charts/register";
import { departmentBarsOption } from "../charts/departments.chart";

const keys = ["category", "raisedFrom", "raisedTo"] as const;
const rate = (v: number | null) =>
  v === null ? "—" : `${v.toLocaleString("zh-CN", { maximumFractionDigits: 1 })}%`;
const num = (v: number | null) =>
  v === null ? "—" : v.toLocaleString("zh-CN", { maximumFractionDigits: 1 });

/** 部门问题统计: the leader's view of open problems per department, with timeliness. */
export const DepartmentStatsPage = () => {
  const { t } = useTranslation("problems");
  const list = useListState(keys);
  const f = list.query;
  const query = {
    category: f.category as ProblemCategory | undefined,
    raisedFrom: f.raisedFrom,
    raisedTo: f.raisedTo,
  };
  const { data, isLoading, error, refetch } = useDepartmentFigures(query);
  const option = useMemo(
    () =>
      departmentBarsOption(
        (data?.items ?? []).map((d) => ({ name: d.departmentName, open: d.open, overdue: d.overdue })),
        { open: t("stats.open"), overdue: t("stats.overdue"), unit: t("stats.unit") },
      ),
    [data, t],
  );
  const link = (d: DepartmentFigures, extra = "") => `/problems?departmentId=${d.departmentId}${extra}`;
  const rows = data?.items ?? [];

  return (
    <>
      <PageHeader title={t("stats.title")} sub={t("stats.sub")} />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <Select<ProblemCategory>
          value={query.category}
          onChange={(category) => list.update({ category })}
          allowClear
          placeholder={t("list.categoryAll")}
          aria-label={t("field.category")}
          options={problemCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          style={{ width: 120 }}
        />
        <Typography.Text type="secondary">{t("stats.raisedFrom")}</Typography.Text>
        <DatePicker.RangePicker
          value={[f.raisedFrom ? dayjs(f.raisedFrom) : null, f.raisedTo ? dayjs(f.raisedTo) : null]}
          allowEmpty={[true, true]}
          onChange={(r) =>
            list.update({ raisedFrom: r?.[0]?.format("YYYY-MM-DD"), raisedTo: r?.[1]?.format("YYYY-MM-DD") })
          }
        />
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      {isLoading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : !data || rows.length === 0 ? (
        <Card>
          <Empty description={list.hasFilters ? t("common:state.noMatch") : t("stats.empty")} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={12} lg={6}>
            <Card>
              <Statistic title={t("stats.open")} value={data.total.open} suffix={t("stats.unit")} />
            </Card>
          </Col>
          <Col xs={12} lg={6}>
            <Card>
              <Statistic
                title={t("stats.overdue")}
                value={data.total.overdue}
                suffix={t("stats.unit")}
                styles={{ content: { color: data.total.overdue > 0 ? "#cf1322" : undefined } }}
              />
            </Card>
          </Col>
          <Col xs={12} lg={6}>
            <Card>
              <Statistic title={t("stats.onTimeRate")} value={rate(data.total.onTimeRate)} />
            </Card>
          </Col>
          <Col xs={12} lg={6}>
            <Card>
              <Statistic
                title={t("stats.median")}
                value={num(data.total.medianWorkdays)}
                suffix={t("stats.medianUnit")}
              />
            </Card>
          </Col>
          <Col span={24}>
            <Card title={t("stats.chart")}>
              <EChart
                option={option}
                height={Math.max(220, rows.length * 48 + 60)}
                label={t("stats.chart")}
              />
            </Card>
          </Col>
          <Col span={24}>
            <Card>
              <Table<DepartmentFigures>
                rowKey="departmentId"
                dataSource={rows}
                pagination={false}
                scroll={{ x: 900 }}
                columns={[
                  {
                    title: t("stats.department"),
                    dataIndex: "departmentName",
                    render: (v: string, d) => <Link to={link(d, "&status=active")}>{v}</Link>,
                  },
                  { title: t("stats.open"), dataIndex: "open", align: "right", width: 90 },
                  {
                    title: t("stats.overdue"),
                    dataIndex: "overdue",
                    align: "right",
                    width: 90,
                    render: (v: number, d) =>
                      v > 0 ? (
                        <Link to={link(d, "&overdue=yes")} style={{ color: "#cf1322", fontWeight: 600 }}>
                          {v}
                        </Link>
                      ) : (
                        v
                      ),
                  },
                  { title: t("stats.escalated"), dataIndex: "escalated", align: "right", width: 90 },
                  { title: t("stats.resolved"), dataIndex: "resolved", align: "right", width: 90 },
                  { title: t("stats.onTime"), dataIndex: "resolvedOnTime", align: "right", width: 100 },
                  {
                    title: t("stats.onTimeRate"),
                    dataIndex: "onTimeRate",
                    align: "right",
                    width: 110,
                    render: rate,
                  },
                  {
                    title: `${t("stats.median")}（${t("stats.medianUnit")}）`,
                    dataIndex: "medianWorkdays",
                    align: "right",
                    width: 170,
                    render: num,
                  },
                ]}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <Typography.Text strong>{t("stats.total")}</Typography.Text>
                    </Table.Summary.Cell>
                    {(
                      [
                        data.total.open,
                        data.total.overdue,
                        data.total.escalated,
                        data.total.resolved,
                        data.total.resolvedOnTime,
                        rate(data.total.onTimeRate),
                        num(data.total.medianWorkdays),
                      ] as const
                    ).map((v, i) => (
                      <Table.Summary.Cell key={String(i)} index={i + 1} align="right">
                        <Typography.Text strong>{v}</Typography.Text>
                      </Table.Summary.Cell>
                    ))}
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
