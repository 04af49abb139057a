import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Flex, Popconfirm, Skeleton, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EnterpriseYear, YearFieldKey } from "../../../../common/enterprise.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { fenToWan, formatMu } from "../../../lib/format";
import { useDeleteYear, useEnterpriseYears } from "../api/years.api";
import { YearForm } from "./YearForm";

const YearTrendChart = lazy(() => import("./YearTrendChart").then((m) => ({ default: m.YearTrendChart })));

const num = (v: number | null, digits = 2) =>
  v === null ? "" : v.toLocaleString("zh-CN", { maximumFractionDigits: digits });

type Editing = { year: EnterpriseYear | null } | null;

/** 年度数据: the trend of the main figures, and every year's figures, each with its source on hover. */
export const YearsPanel = ({ enterpriseId }: { enterpriseId: string }) => {
  const { t } = useTranslation("enterprises");
  const feedback = useFeedback();
  const canWrite = usePermission("enterprise.write");
  const { data, isLoading, error, refetch } = useEnterpriseYears(enterpriseId);
  const remove = useDeleteYear(enterpriseId);
  const [editing, setEditing] = useState<Editing>(null);
  const years = data ?? [];
  const hasMoney = years.some((y) => y.revenueFen !== null || y.outputFen !== null || y.taxFen !== null);

  /** A figure's cell, with where it came from as a tooltip. */
  const figure = (key: YearFieldKey, title: string, show: (y: EnterpriseYear) => string, width = 120) => ({
    title,
    key,
    width,
    align: "right" as const,
    render: (_: unknown, y: EnterpriseYear) => <span title={y.sources[key]}>{show(y)}</span>,
  });
  const money = (key: "revenueFen" | "outputFen" | "taxFen" | "valueAddedFen" | "rdFen", title: string) =>
    figure(key, title, (y) => (y[key] === null ? "" : num(fenToWan(y[key] ?? 0))));

  const columns: ColumnsType<EnterpriseYear> = [
    { title: t("years.year"), dataIndex: "year", key: "year", width: 80, fixed: "left" },
    {
      title: t("years.sizeClass"),
      key: "sizeClass",
      width: 90,
      render: (_, y) => (
        <>
          {y.sizeClass && <Tag>{t(`enums:sizeClass.${y.sizeClass}`)}</Tag>}
          {y.fourUp && <Tag color="blue">{t("years.fourUpShort")}</Tag>}
        </>
      ),
    },
    money("revenueFen", t("years.revenue")),
    money("outputFen", t("years.output")),
    money("taxFen", t("years.tax")),
    money("valueAddedFen", t("years.valueAdded")),
    money("rdFen", t("years.rd")),
    figure(
      "energyTce",
      t("years.withUnit", { name: t("years.energy"), unit: t("years.tce") }),
      (y) => num(y.energyTce),
      130,
    ),
    figure(
      "electricityKwh",
      t("years.withUnit", { name: t("years.electricity"), unit: t("years.kwh") }),
      (y) => num(y.electricityKwh, 0),
      140,
    ),
    figure("landM2", t("years.land"), (y) => formatMu(y.landM2, t("common:area.mu"))),
    figure("landCertNo", t("years.landCertNo"), (y) => y.landCertNo ?? "", 150),
    figure("employeesAvg", t("years.employeesAvg"), (y) => num(y.employeesAvg, 0), 110),
    ...(canWrite
      ? [
          {
            title: t("common:action.actions"),
            key: "actions",
            fixed: "right" as const,
            width: 120,
            render: (_: unknown, y: EnterpriseYear) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing({ year: y })}>
                  {t("common:action.edit")}
                </Button>
                <Popconfirm
                  title={t("years.deleteConfirm", { year: y.year })}
                  description={t("common:confirm.deleteHint")}
                  okText={t("common:action.delete")}
                  okButtonProps={{ danger: true }}
                  cancelText={t("common:action.cancel")}
                  onConfirm={() =>
                    remove
                      .mutateAsync(y.year)
                      .then(() => feedback.success(t("years.deleted", { year: y.year })), feedback.error)
                  }
                >
                  <Button type="link" size="small" danger>
                    {t("common:action.delete")}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const addButton = canWrite ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ year: null })}>
      {t("years.add")}
    </Button>
  ) : null;

  if (isLoading) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      {years.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("years.emptyHint")}>
          {addButton}
        </Empty>
      ) : (
        <Flex vertical gap={16}>
          {hasMoney && (
            <Card size="small" title={t("years.trend")}>
              <Suspense fallback={<Skeleton.Node active style={{ width: "100%", height: 300 }} />}>
                <YearTrendChart years={years} />
              </Suspense>
            </Card>
          )}
          <Flex justify="space-between" align="center">
            <Typography.Text type="secondary">{t("years.money")}</Typography.Text>
            {addButton}
          </Flex>
          <Table<EnterpriseYear>
            rowKey="id"
            size="middle"
            dataSource={[...years].reverse()}
            columns={columns}
            pagination={false}
            scroll={{ x: 1500 }}
          />
        </Flex>
      )}
      {editing && (
        <YearForm
          enterpriseId={enterpriseId}
          year={editing.year}
          taken={years.map((y) => y.year)}
          onClose={() => setEditing(null)}
          onReload={() => {
            void refetch();
            setEditing(null);
          }}
        />
      )}
    </>
  );
};
