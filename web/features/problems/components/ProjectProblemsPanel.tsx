import { PlusOutlined } from "@ant-design/icons";
import { Button, Drawer, Empty, Flex, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProblemRow } from "../../../../common/problem.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { usePermission } from "../../../lib/current-user";
import type { ProjectPanelProps } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { useProblems } from "../api/problems.api";
import { useProblemColumns } from "./ProblemColumns";
import { ProblemDrawer } from "./ProblemDrawer";
import { ProblemForm } from "./ProblemForm";

/** 问题清单 on the project page: the project's problems, newest first; raise one in place. */
export const ProjectProblemsPanel = ({ projectId, projectName, regionId, writable }: ProjectPanelProps) => {
  const { t } = useTranslation("problems");
  const feedback = useFeedback();
  const canRaise = usePermission("problem.write") && writable;
  const { data, isFetching, error, refetch } = useProblems({
    subjectId: projectId,
    pageSize: 200,
    sort: "raisedOn",
    order: "desc",
  });
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const columns = useProblemColumns(setOpenId, false);
  const open = (data?.items ?? []).filter((p) => p.status === "open" || p.status === "in_progress").length;

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{data ? t("panel.open", { n: open }) : ""}</Typography.Text>
        {canRaise && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t("list.create")}
          </Button>
        )}
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Table<ProblemRow>
        rowKey="id"
        size="small"
        columns={columns.map(({ sorter: _s, ...c }) => c)}
        dataSource={data?.items}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("panel.empty")} /> }}
      />
      <ProblemDrawer id={openId} onClose={() => setOpenId(null)} />
      <Drawer
        open={creating}
        title={t("list.create")}
        onClose={() => setCreating(false)}
        size={640}
        destroyOnHidden
      >
        <ProblemForm
          record={null}
          project={{ id: projectId, name: projectName, regionId }}
          onCancel={() => setCreating(false)}
          onReload={() => undefined}
          onDone={(saved) => {
            feedback.success(t("list.created", { title: saved.title }));
            setCreating(false);
          }}
        />
      </Drawer>
    </Flex>
  );
};
