import { DownloadOutlined } from "@ant-design/icons";
import { Button, InputNumber, Progress, Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TalentFigureRow } from "../../../../common/talent.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { useFeedback } from "../../../lib/feedback";
import { formatWan } from "../../../lib/format";
import { useExport, useFigures } from "../api/talent.api";

/** 招才引智数据 per park for a year, with its Excel export. */
export const TalentFiguresPage = () => {
  const { t } = useTranslation("talent");
  const { t: tc } = useTranslation();
  const feedback = useFeedback();
  const [year, setYear] = useState(dayjs().year());
  const { data, isFetching, error, refetch } = useFigures(year);
  const exportFigures = useExport("/talent-figures", `招才引智数据-${year}.xlsx`);
  const columns: ColumnsType<TalentFigureRow> = [
    { title: t("field.park"), dataIndex: "parkName", width: 240 },
    { title: t("figures.talents"), dataIndex: "talents", align: "right" },
    { title: t("figures.recognised"), dataIndex: "recognised", align: "right" },
    {
      title: t("figures.rewardsPaid"),
      dataIndex: "rewardsPaidFen",
      align: "right",
      render: (v: number) => formatWan(v),
    },
    { title: t("figures.units"), dataIndex: "units", align: "right" },
    { title: t("figures.occupied"), dataIndex: "occupied", align: "right" },
    {
      title: t("figures.occupancy"),
      dataIndex: "occupancy",
      render: (v: number | null) =>
        v === null ? "—" : <Progress percent={v} size="small" style={{ width: 140 }} />,
    },
  ];
  return (
    <>
      <PageHeader
        title={t("figures.title")}
        sub={t("figures.sub")}
        extra={
          <>
            <InputNumber
              aria-label={t("figures.year")}
              value={year}
              min={2000}
              max={2100}
              onChange={(v) => v && setYear(v)}
              suffix="年"
            />
            <Button
              icon={<DownloadOutlined />}
              loading={exportFigures.isPending}
              onClick={() =>
                exportFigures.mutate(
                  { year },
                  {
                    onSuccess: (name) => feedback.success(tc("state.exported", { name })),
                    onError: feedback.error,
                  },
                )
              }
            >
              {tc("action.export")}
            </Button>
          </>
        }
      />
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Table<TalentFigureRow>
        rowKey="parkId"
        columns={columns}
        dataSource={data}
        loading={isFetching}
        pagination={false}
        locale={{ emptyText: t("figures.empty") }}
        summary={(rows) =>
          rows.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t("figures.total")}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {rows.reduce((a, r) => a + r.talents, 0)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {rows.reduce((a, r) => a + r.recognised, 0)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {formatWan(rows.reduce((a, r) => a + r.rewardsPaidFen, 0))}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {rows.reduce((a, r) => a + r.units, 0)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {rows.reduce((a, r) => a + r.occupied, 0)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} />
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );
};
