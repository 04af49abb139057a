import { Checkbox, Flex, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { NodeStatus } from "../../../../common/project.schema";
import { nodeStatuses } from "../../../../common/project.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListEmpty } from "../../../components/ListEmpty";
import { PageHeader } from "../../../components/PageHeader";
import { useCurrentUser } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useListState } from "../../../lib/list-state";
import { useExportNodes, useNodes } from "../api/nodes.api";
import { NodesTable } from "./NodesTable";

const nodeFilterKeys = ["status", "due", "departmentId"] as const;

/**
 * 我的节点: a department handler's nodes across projects (others see the nodes
 * of their own projects), overdue first by due date; 办结 in place; export.
 */
export const NodesPage = () => {
  const { t } = useTranslation("projects");
  const me = useCurrentUser();
  const { DepartmentPicker } = useExtensions();
  const list = useListState(nodeFilterKeys);
  const f = list.query;
  const { data, isFetching, error, refetch } = useNodes(list.query);
  const exportNodes = useExportNodes();
  const handler = me.scopes.some((s) => s.kind === "department");
  const mayPickDepartment = me.scopes.some((s) => s.kind === "all" || s.kind === "region");

  return (
    <>
      <PageHeader
        title={t("nodes.mine")}
        sub={handler ? t("nodes.mineSubHandler") : t("nodes.mineSub")}
        extra={<ExportButton mutation={exportNodes} params={list.query} />}
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select<NodeStatus>
          value={(f.status as NodeStatus | undefined) ?? undefined}
          onChange={(status) => list.update({ status })}
          allowClear
          placeholder={t("nodes.statusAll")}
          aria-label={t("nodes.status")}
          options={nodeStatuses.map((s) => ({ value: s, label: t(`nodeStatus.${s}`) }))}
          style={{ width: 120 }}
        />
        {mayPickDepartment && (
          <DepartmentPicker
            value={f.departmentId ?? null}
            onChange={(departmentId) => list.update({ departmentId })}
            placeholder={t("nodes.departmentAll")}
            style={{ width: 220 }}
          />
        )}
        <Checkbox
          checked={f.due === "overdue"}
          onChange={(e) => list.update({ due: e.target.checked ? "overdue" : undefined })}
        >
          {t("nodes.dueOverdue")}
        </Checkbox>
        <Checkbox
          checked={f.due === "soon"}
          onChange={(e) => list.update({ due: e.target.checked ? "soon" : undefined })}
        >
          {t("nodes.dueSoon")}
        </Checkbox>
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <NodesTable
        nodes={data?.items ?? []}
        loading={isFetching}
        showProject
        onChange={(p) => list.update({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 }, false)}
        pagination={{
          current: f.page,
          pageSize: f.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common:table.total", { total: total.toLocaleString("zh-CN") }),
        }}
        emptyText={
          isFetching && !data ? (
            " "
          ) : (
            <ListEmpty filtered={list.hasFilters} onClear={list.clear} emptyText={t("nodes.emptyMine")} />
          )
        }
      />
    </>
  );
};
