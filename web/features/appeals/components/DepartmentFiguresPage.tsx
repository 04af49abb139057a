import { StarFilled } from "@ant-design/icons";
import { Flex, Select, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  type AppealCategory,
  type AppealDepartmentFigures,
  appealCategories,
} from "../../../../common/appeal.schema";
import { FiguresBoard, RaisedRange } from "../../../components/FiguresBoard";
import { PageHeader } from "../../../components/PageHeader";
import { useCurrentUser } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useListState } from "../../../lib/list-state";
import { type AppealFiguresTotal, useAppealFigures } from "../api/appeals.api";
import "../charts/register";
import { appealBarsOption } from "../charts/departments.chart";

const keys = ["category", "raisedFrom", "raisedTo", "regionId"] as const;
const one = (v: number | null) =>
  v === null ? "—" : v.toLocaleString("zh-CN", { maximumFractionDigits: 1 });
const rate = (v: number | null) => (v === null ? "—" : `${one(v)}%`);

type Figure = keyof AppealFiguresTotal;
/** The table's figures after the department, in order; the summary row repeats them. */
const figureColumns: readonly Figure[] = [
  "total",
  "active",
  "overdue",
  "resolved",
  "resolvedOnTime",
  "onTimeRate",
  "medianWorkdays",
  "rated",
  "satisfaction",
];
const shown = (k: Figure, v: number | null) =>
  k === "onTimeRate" ? rate(v) : k === "medianWorkdays" || k === "satisfaction" ? one(v) : (v ?? 0);

/** 部门诉求统计: per department, appeals in hand, overdue, on-time rate, working days and satisfaction. */
export const DepartmentFiguresPage = () => {
  const { t } = useTranslation("appeals");
  const me = useCurrentUser();
  const { RegionPicker } = useExtensions();
  const list = useListState(keys);
  const f = list.query;
  const query = {
    category: f.category as AppealCategory | undefined,
    raisedFrom: f.raisedFrom,
    raisedTo: f.raisedTo,
    regionId: f.regionId,
  };
  const { data, isLoading, error, refetch } = useAppealFigures(query);
  const rows = data?.items ?? [];
  const option = useMemo(
    () =>
      appealBarsOption(
        rows.map((d) => ({ name: d.departmentName, total: d.total, active: d.active, overdue: d.overdue })),
        {
          total: t("figures.total"),
          active: t("figures.active"),
          overdue: t("figures.overdue"),
          unit: t("figures.unit"),
        },
      ),
    [rows, t],
  );
  const link = (d: AppealDepartmentFigures, extra = "") => `/appeals?departmentId=${d.departmentId}${extra}`;
  const mayPickRegion = me.scopes.some((s) => s.kind === "all" || s.kind === "region");

  const columns: ColumnsType<AppealDepartmentFigures> = [
    {
      title: t("figures.department"),
      dataIndex: "departmentName",
      fixed: "left",
      width: 220,
      render: (v: string, d) => <Link to={link(d)}>{v}</Link>,
    },
    ...figureColumns.map((k) => ({
      title: t(`figures.${k}`),
      dataIndex: k,
      key: k,
      align: "right" as const,
      render: (v: number | null, d: AppealDepartmentFigures) =>
        k === "overdue" && v ? (
          <Link to={link(d, "&overdue=yes")} style={{ color: "#cf1322", fontWeight: 600 }}>
            {v}
          </Link>
        ) : k === "active" && v ? (
          <Link to={link(d, "&status=active")}>{v}</Link>
        ) : (
          shown(k, v)
        ),
    })),
  ];

  const total = data?.total;
  const cards: { k: Figure; suffix?: string; danger?: boolean; star?: boolean }[] = [
    { k: "total", suffix: t("figures.unit") },
    { k: "active", suffix: t("figures.unit") },
    { k: "overdue", suffix: t("figures.unit"), danger: true },
    { k: "onTimeRate" },
    { k: "medianWorkdays", suffix: t("figures.workdays") },
    { k: "satisfaction", star: true },
  ];

  return (
    <>
      <PageHeader title={t("figures.title")} sub={t("figures.sub")} />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        {mayPickRegion && (
          <RegionPicker
            value={f.regionId ?? null}
            onChange={(regionId) => list.update({ regionId })}
            placeholder={t("figures.regionAll")}
            style={{ width: 220 }}
          />
        )}
        <Select<AppealCategory>
          value={query.category}
          onChange={(category) => list.update({ category })}
          allowClear
          placeholder={t("list.categoryAll")}
          aria-label={t("field.category")}
          options={appealCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          style={{ width: 120 }}
        />
        <Typography.Text type="secondary">{t("figures.raised")}</Typography.Text>
        <RaisedRange
          from={f.raisedFrom}
          to={f.raisedTo}
          placeholder={[t("list.raisedFrom"), t("list.raisedTo")]}
          onChange={list.update}
        />
      </Flex>
      <FiguresBoard<AppealDepartmentFigures>
        loading={isLoading}
        error={error}
        onRetry={() => void refetch()}
        empty={t("figures.empty")}
        filtered={list.hasFilters}
        cards={
          total
            ? cards.map((c) => {
                const v = total[c.k];
                return {
                  key: c.k,
                  title: t(c.k === "medianWorkdays" ? "figures.median" : `figures.${c.k}`),
                  value: c.k === "onTimeRate" ? rate(v) : one(v),
                  suffix: c.star && v !== null ? <StarFilled style={{ color: "#fadb14" }} /> : c.suffix,
                  danger: c.danger && !!v,
                };
              })
            : []
        }
        chart={{ title: t("figures.chart"), option, rowHeight: 56 }}
        rowKey="departmentId"
        rows={rows}
        columns={columns}
        summary={{
          label: t("figures.sum"),
          cells: total ? figureColumns.map((k) => shown(k, total[k])) : [],
        }}
      />
    </>
  );
};
