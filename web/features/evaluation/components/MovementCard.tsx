import { Card, Table } from "antd";
import { useTranslation } from "react-i18next";
import { type ResultClass, resultClasses } from "../../../../common/evaluation.schema";
import { useMovement } from "../api/evaluation.api";

type Row = { from: ResultClass } & Partial<Record<ResultClass, number>>;

/** 年度等级变动: last year's class down the side, this year's across; shown when last year was run. */
export const MovementCard = ({ runId }: { runId: string }) => {
  const { t } = useTranslation("evaluation");
  const { data } = useMovement(runId);
  if (!data?.previous) return null;
  const rows: Row[] = resultClasses.map((from) => {
    const r: Row = { from };
    for (const x of data.items) if (x.from === from) r[x.to as ResultClass] = x.count;
    return r;
  });
  return (
    <Card title={t("run.movement", { year: data.previous.year })}>
      <Table<Row>
        size="small"
        rowKey="from"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t("run.movementFrom"), dataIndex: "from", width: 120, render: (v: string) => `${v} 类` },
          ...resultClasses.map((c) => ({
            title: `→ ${c} 类`,
            dataIndex: c,
            render: (v: number | undefined) => v ?? "",
          })),
        ]}
      />
    </Card>
  );
};
