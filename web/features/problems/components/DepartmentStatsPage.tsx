import { Flex, Select, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  type DepartmentFigures,
  type ProblemCategory,
  problemCategories,
} from "../../../../common/problem.schema";
import { FiguresBoard, RaisedRange } from "../../../components/FiguresBoard";
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

  const total = data?.total;
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
        <RaisedRange from={f.raisedFrom} to={f.raisedTo} onChange={list.update} />
      </Flex>
      <FiguresBoard<DepartmentFigures>
        loading={isLoading}
        error={error}
        onRetry={() => void refetch()}
        empty={t("stats.empty")}
        filtered={list.hasFilters}
        perRow={4}
        cards={
          total
            ? [
                { key: "open", title: t("stats.open"), value: total.open, suffix: t("stats.unit") },
                {
                  key: "overdue",
                  title: t("stats.overdue"),
                  value: total.overdue,
                  suffix: t("stats.unit"),
                  danger: total.overdue > 0,
                },
                { key: "rate", title: t("stats.onTimeRate"), value: rate(total.onTimeRate) },
                {
                  key: "median",
                  title: t("stats.median"),
                  value: num(total.medianWorkdays),
                  suffix: t("stats.medianUnit"),
                },
              ]
            : []
        }
        chart={{ title: t("stats.chart"), option, rowHeight: 48 }}
        rowKey="departmentId"
        rows={rows}
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
          { title: t("stats.onTimeRate"), dataIndex: "onTimeRate", align: "right", width: 110, render: rate },
          {
            title: `${t("stats.median")}（${t("stats.medianUnit")}）`,
            dataIndex: "medianWorkdays",
            align: "right",
            width: 170,
            render: num,
          },
        ]}
        summary={{
          label: t("stats.total"),
          cells: total
            ? [
                total.open,
                total.overdue,
                total.escalated,
                total.resolved,
                total.resolvedOnTime,
                rate(total.onTimeRate),
                num(total.medianWorkdays),
              ]
            : [],
        }}
      />
    </>
  );
};
