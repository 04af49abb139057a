import { StarFilled } from "@ant-design/icons";
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
import type { ColumnsType } from "antd/es/table";
import dayjs from "dayjs";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  type AppealCategory,
  type AppealDepartmentFigures,
  appealCategories,
} from "../../../../common/appeal.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { EChart } from "../../../components/EChart";
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
        <DatePicker.RangePicker
          value={[f.raisedFrom ? dayjs(f.raisedFrom) : null, f.raisedTo ? dayjs(f.raisedTo) : null]}
          allowEmpty={[true, true]}
          placeholder={[t("list.raisedFrom"), t("list.raisedTo")]}
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
          <Empty description={list.hasFilters ? t("common:state.noMatch") : t("figures.empty")} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {cards.map((c) => {
            const v = data.total[c.k];
            return (
              <Col key={c.k} xs={12} md={8} xl={4}>
                <Card style={{ height: "100%" }}>
                  <Statistic
                    title={t(c.k === "medianWorkdays" ? "figures.median" : `figures.${c.k}`)}
                    value={c.k === "onTimeRate" ? rate(v) : one(v)}
                    suffix={c.star && v !== null ? <StarFilled style={{ color: "#fadb14" }} /> : c.suffix}
                    styles={{ content: { color: c.danger && v ? "#cf1322" : undefined } }}
                  />
                </Card>
              </Col>
            );
          })}
          <Col span={24}>
            <Card title={t("figures.chart")}>
              <EChart
                option={option}
                height={Math.max(220, rows.length * 56 + 60)}
                label={t("figures.chart")}
              />
            </Card>
          </Col>
          <Col span={24}>
            <Card>
              <Table<AppealDepartmentFigures>
                rowKey="departmentId"
                dataSource={rows}
                pagination={false}
                scroll={{ x: "max-content" }}
                columns={columns}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <Typography.Text strong>{t("figures.sum")}</Typography.Text>
                    </Table.Summary.Cell>
                    {figureColumns.map((k, i) => (
                      <Table.Summary.Cell key={k} index={i + 1} align="right">
                        <Typography.Text strong>{shown(k, data.total[k])}</Typography.Text>
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
