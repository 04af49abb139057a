import { BarsOutlined, TableOutlined } from "@ant-design/icons";
import { Empty, Flex, Segmented, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProjectRow } from "../../../../common/project.schema";
import { stageIndex } from "../../../../common/project.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { useExportNodes, useProjectNodes } from "../api/nodes.api";
import { NodesGantt } from "./NodesGantt";
import { NodesTable } from "./NodesTable";

/** 关键节点 of one project, laid out from the node template when it was signed. */
export const NodesPanel = ({ project }: { project: ProjectRow }) => {
  const { t } = useTranslation("projects");
  const { data, isLoading, error, refetch } = useProjectNodes(project.id);
  const exportNodes = useExportNodes();
  const [view, setView] = useState<"table" | "gantt">("table");
  const nodes = data ?? [];
  const signed = project.stage !== "stopped" && stageIndex(project.stage) >= stageIndex("signed");
  const late = nodes.filter((n) => n.lateWorkdays !== null && n.lateWorkdays > 0).length;
  return (
    <>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Typography.Text type="secondary">
          {nodes.length > 0
            ? t("nodes.summary", {
                n: nodes.length,
                done: nodes.filter((n) => n.status !== "pending").length,
                late,
              })
            : ""}
        </Typography.Text>
        {nodes.length > 0 && (
          <Flex gap={8} wrap>
            <Segmented<"table" | "gantt">
              value={view}
              onChange={setView}
              aria-label={t("gantt.chart")}
              options={[
                { value: "table", label: t("gantt.table"), icon: <TableOutlined /> },
                { value: "gantt", label: t("gantt.chart"), icon: <BarsOutlined /> },
              ]}
            />
            <ExportButton mutation={exportNodes} params={{ projectId: project.id }} />
          </Flex>
        )}
      </Flex>
      {view === "gantt" && nodes.length > 0 ? (
        <NodesGantt nodes={nodes} signedOn={project.stageDates[3] ?? null} />
      ) : (
        <NodesTable
          nodes={nodes}
          loading={isLoading}
          emptyText={
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={signed ? t("nodes.emptySigned") : t("nodes.emptyHint")}
            />
          }
        />
      )}
    </>
  );
};
