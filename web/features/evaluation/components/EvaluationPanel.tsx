import { Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type EvaluationEventKind, evaluationEventLabels } from "../../../../common/evaluation.fields";
import { classColors, classLabels, type ResultClass } from "../../../../common/evaluation.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import type { EnterprisePanelProps } from "../../../lib/extensions";
import { useFirmEvaluations } from "../api/evaluation.api";
import type { FirmEvaluations } from "../api/evaluation.types";

/** 亩均评价 on the enterprise page: the firm's class in each run, and its year's evaluation events. */
export const EvaluationPanel = ({ enterpriseId }: EnterprisePanelProps) => {
  const { t } = useTranslation("evaluation");
  const { data, isFetching, error, refetch } = useFirmEvaluations(enterpriseId);
  return (
    <>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Table<FirmEvaluations["items"][number]>
        size="small"
        rowKey="runId"
        loading={isFetching}
        pagination={false}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t("panel.empty") }}
        columns={[
          { title: t("panel.year"), dataIndex: "year", width: 80 },
          {
            title: t("panel.scheme"),
            dataIndex: "schemeName",
            render: (v: string, r) => <Link to={`/evaluation/runs/${r.runId}`}>{v}</Link>,
          },
          {
            title: t("run.class"),
            dataIndex: "class",
            render: (v: ResultClass, r) => (
              <>
                <Tag color={classColors[v]}>{classLabels[v]}</Tag>
                {r.tReason}
              </>
            ),
          },
          {
            title: t("run.score"),
            dataIndex: "total",
            width: 90,
            render: (v: number, r) => (r.class === "T" ? "—" : v.toFixed(2)),
          },
          {
            title: t("panel.rank"),
            width: 100,
            render: (_, r) => (r.position ? `${r.position} / ${r.population}` : "—"),
          },
        ]}
      />
      {data?.events.length ? (
        <div style={{ marginTop: 12 }}>
          {data.events.map((e) => (
            <Tag key={e.id}>
              {e.year} {evaluationEventLabels[e.kind as EvaluationEventKind] ?? e.kind}
            </Tag>
          ))}
        </div>
      ) : null}
    </>
  );
};
