import { Button, Flex, Popconfirm, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType, TableProps } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { NodeStatus, ProjectNode } from "../../../../common/project.schema";
import { FileLinks } from "../../../components/FileField";
import { useFeedback } from "../../../lib/feedback";
import { formatDate } from "../../../lib/format";
import { useUpdateNode } from "../api/nodes.api";
import { NodeModal } from "./NodeModal";
import { Blank, LateText } from "./ProjectBits";
import { useNodeRights } from "./useNodeRights";

const statusColor: Record<NodeStatus, string> = { pending: "processing", done: "success", waived: "default" };

type Open = { node: ProjectNode; mode: "complete" | "edit" } | null;

interface Props {
  nodes: ProjectNode[];
  loading: boolean;
  /** 我的节点 lists nodes of many projects: name each one's project. */
  showProject?: boolean;
  /** Server paging for 我的节点; a project's nodes are all on one page. */
  pagination?: TableProps<ProjectNode>["pagination"];
  onChange?: TableProps<ProjectNode>["onChange"];
  emptyText: React.ReactNode;
}

/** Key nodes with their due, planned and done days, late working days in red, and 办结. */
export const NodesTable = ({
  nodes,
  loading,
  showProject,
  pagination = false,
  onChange,
  emptyText,
}: Props) => {
  const { t } = useTranslation("projects");
  const feedback = useFeedback();
  const rights = useNodeRights();
  const reopen = useUpdateNode();
  const [open, setOpen] = useState<Open>(null);

  const columns: ColumnsType<ProjectNode> = [
    ...(showProject
      ? [
          {
            title: t("nodes.project"),
            dataIndex: "projectName",
            key: "project",
            width: 190,
            render: (v: string, n: ProjectNode) => <Link to={`/projects/${n.projectId}?tab=nodes`}>{v}</Link>,
          },
        ]
      : [{ title: t("nodes.seq"), dataIndex: "seq", key: "seq", width: 60 }]),
    {
      title: t("nodes.name"),
      dataIndex: "name",
      key: "name",
      width: 150,
      render: (v: string, n) => (
        <Space size={4} wrap>
          {v}
          {n.gate === "land" && (
            <Tooltip title={t("nodes.landGateHint")}>
              <Tag color="purple">{t("nodes.landGate")}</Tag>
            </Tooltip>
          )}
          {n.linkType === "site" && n.linkId && (
            <Tooltip title={t("nodes.siteLinkHint")}>
              <Link to={`/sites?open=${n.linkId}`}>{t("nodes.siteLink", { label: n.linkLabel })}</Link>
            </Tooltip>
          )}
          {n.evidenceRequired && (
            <Tooltip title={t("nodes.evidenceRequiredHint")}>
              <Tag color="gold">{t("nodes.evidenceRequired")}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t("nodes.department"),
      dataIndex: "departmentName",
      key: "department",
      width: 160,
      render: (v: string | null) => v ?? <Blank />,
    },
    {
      title: t("nodes.dueOn"),
      dataIndex: "dueOn",
      key: "dueOn",
      width: 130,
      render: (v: string | null, n) => (
        <Flex vertical>
          {v ? formatDate(v) : <Blank />}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("nodes.workdaysAfter", { n: n.dueWorkdays })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("nodes.plannedOn"),
      dataIndex: "plannedOn",
      key: "plannedOn",
      width: 100,
      render: (v: string | null) => formatDate(v) || <Blank />,
    },
    {
      title: t("nodes.doneOn"),
      dataIndex: "doneOn",
      key: "doneOn",
      width: 100,
      render: (v: string | null) => formatDate(v) || <Blank />,
    },
    {
      title: t("nodes.status"),
      dataIndex: "status",
      key: "status",
      width: 80,
      render: (s: NodeStatus) => <Tag color={statusColor[s]}>{t(`nodeStatus.${s}`)}</Tag>,
    },
    {
      title: t("nodes.late"),
      dataIndex: "lateWorkdays",
      key: "late",
      width: 150,
      render: (v: number | null) => <LateText late={v} />,
    },
    {
      title: t("nodes.evidence"),
      dataIndex: "evidenceFileIds",
      key: "evidence",
      width: 180,
      render: (ids: string[]) => (ids.length ? <FileLinks ids={ids} /> : <Blank />),
    },
    {
      title: t("nodes.note"),
      dataIndex: "note",
      key: "note",
      width: 160,
      ellipsis: true,
      render: (v: string | null) => v ?? "",
    },
    ...(rights.any
      ? [
          {
            title: t("common:action.actions"),
            key: "actions",
            fixed: "right" as const,
            width: 130,
            render: (_: unknown, n: ProjectNode) => (
              <Space size={0}>
                {n.status === "pending" && rights.canComplete(n) && (
                  <Button type="link" size="small" onClick={() => setOpen({ node: n, mode: "complete" })}>
                    {t("nodes.complete")}
                  </Button>
                )}
                {n.status === "done" && rights.canComplete(n) && !rights.canEdit(n) && (
                  <Popconfirm
                    title={t("nodes.reopenConfirm", { name: n.name })}
                    okText={t("nodes.reopen")}
                    cancelText={t("common:action.cancel")}
                    onConfirm={() =>
                      reopen
                        .mutateAsync({
                          id: n.id,
                          body: { status: "pending", doneOn: null, version: n.version },
                        })
                        .then(() => feedback.success(t("nodes.reopened", { name: n.name })), feedback.error)
                    }
                  >
                    <Button type="link" size="small">
                      {t("nodes.reopen")}
                    </Button>
                  </Popconfirm>
                )}
                {rights.canEdit(n) && (
                  <Button type="link" size="small" onClick={() => setOpen({ node: n, mode: "edit" })}>
                    {t("nodes.edit")}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Table<ProjectNode>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={nodes}
        loading={loading}
        pagination={pagination}
        onChange={onChange}
        scroll={{ x: showProject ? 1520 : 1400 }}
        locale={{ emptyText }}
      />
      {open && <NodeModal node={open.node} mode={open.mode} onClose={() => setOpen(null)} />}
    </>
  );
};
