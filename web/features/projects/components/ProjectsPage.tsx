import { AppstoreOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Drawer, Flex, Popconfirm, Space, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { ProjectRow } from "../../../../common/project.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { SavedViews } from "../../../components/SavedViews";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { useListState } from "../../../lib/list-state";
import { useDeleteProject, useExportProjects, useProject, useProjects } from "../api/projects.api";
import { wanText } from "../format";
import { OverdueBadge, ProjectTags, StageTag } from "./ProjectBits";
import { ProjectFilters, projectFilterKeys } from "./ProjectFilters";
import { ProjectForm } from "./ProjectForm";

type Editing = { id: string | null } | null;

/** 项目台账: every project in scope, filtered, sorted and paged on the server; register and edit. */
export const ProjectsPage = () => {
  const { t } = useTranslation("projects");
  const feedback = useFeedback();
  const navigate = useNavigate();
  const canWrite = usePermission("project.write");
  const list = useListState(projectFilterKeys);
  const { data, isFetching, error, refetch } = useProjects(list.query);
  const exportList = useExportProjects();
  const remove = useDeleteProject();
  const [editing, setEditing] = useState<Editing>(null);
  const current = useProject(editing?.id);

  const sortable = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  const onDelete = (p: ProjectRow) =>
    remove
      .mutateAsync({ id: p.id, version: p.version })
      .then(() => feedback.success(t("list.deleted", { name: p.name })), feedback.error);

  const columns: ColumnsType<ProjectRow> = [
    {
      title: t("field.code"),
      dataIndex: "code",
      width: 125,
      fixed: "left",
      ...sortable("code"),
      render: (v: string) => <span style={{ fontFamily: "monospace", whiteSpace: "nowrap" }}>{v}</span>,
    },
    {
      title: t("field.nameInvestor"),
      dataIndex: "name",
      width: 260,
      ...sortable("name"),
      render: (_, p) => (
        <Flex vertical>
          <Link to={`/projects/${p.id}`}>{p.name}</Link>
          <Typography.Text
            type="secondary"
            ellipsis
            style={{ fontSize: 12, maxWidth: 260 }}
            title={p.investorName}
          >
            {p.investorName}
            {p.duplicateOf.length > 0 && (
              <Typography.Text type="warning" style={{ fontSize: 12, marginInlineStart: 6 }}>
                {t("list.suspected")}
              </Typography.Text>
            )}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("field.parkTeam"),
      key: "parkTeam",
      width: 200,
      render: (_, p) => (
        <Flex vertical>
          <Typography.Text ellipsis style={{ maxWidth: 195 }}>
            {p.parkName ?? p.regionName}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 195 }}>
            {p.teamName ?? ""}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("field.totalInvestmentWan"),
      dataIndex: "totalInvestmentFen",
      width: 140,
      align: "right",
      ...sortable("totalInvestmentFen"),
      render: (v: number | null) => wanText(v, ""),
    },
    {
      title: t("field.stage"),
      dataIndex: "stage",
      width: 105,
      ...sortable("stageOn"),
      render: (_, p) => <StageTag stage={p.stage} on={p.stageOn} />,
    },
    {
      title: t("field.overdue"),
      dataIndex: "overdueNodes",
      width: 96,
      align: "center",
      render: (n: number) => <OverdueBadge n={n} />,
    },
    { title: t("field.tags"), key: "tags", width: 130, render: (_, p) => <ProjectTags p={p} /> },
    {
      title: t("common:action.actions"),
      key: "actions",
      fixed: "right",
      width: canWrite ? 110 : 70,
      render: (_, p) => (
        <Space size={0}>
          {canWrite ? (
            <Button type="link" size="small" onClick={() => setEditing({ id: p.id })}>
              {t("common:action.edit")}
            </Button>
          ) : (
            <Button type="link" size="small" onClick={() => navigate(`/projects/${p.id}`)}>
              {t("common:action.detail")}
            </Button>
          )}
          {canWrite && (
            <Popconfirm
              title={t("list.deleteConfirm", { name: p.name })}
              description={t("list.deleteHint")}
              okText={t("common:action.delete")}
              okButtonProps={{ danger: true }}
              cancelText={t("common:action.cancel")}
              onConfirm={() => onDelete(p)}
            >
              <Button type="link" size="small" danger>
                {t("common:action.delete")}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const createButton = canWrite ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ id: null })}>
      {t("list.create")}
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        title={t("list.title")}
        sub={t("list.sub")}
        extra={
          <>
            <Button
              icon={<AppstoreOutlined />}
              onClick={() => navigate(`/projects/board${window.location.search}`)}
            >
              {t("board.title")}
            </Button>
            {canWrite && (
              <Button icon={<UploadOutlined />} onClick={() => navigate("/projects/import")}>
                {t("importPage.link")}
              </Button>
            )}
            <ExportButton mutation={exportList} params={list.query} />
            {createButton}
          </>
        }
      />
      <ProjectFilters
        list={list}
        extra={<SavedViews listKey="projects" list={list} filterKeys={projectFilterKeys} />}
      />
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<ProjectRow>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={canWrite ? t("list.emptyHint") : t("list.empty")}
        emptyAction={createButton}
        scrollX={1180}
      />
      <Drawer
        open={editing !== null}
        title={editing?.id ? (current.data?.name ?? t("page.edit")) : t("list.create")}
        onClose={() => setEditing(null)}
        size={780}
        destroyOnHidden
        loading={Boolean(editing?.id) && !current.data}
      >
        <ProjectForm
          key={`${current.data?.id ?? "new"}:${current.data?.version ?? 0}`}
          record={editing?.id ? (current.data ?? null) : null}
          onCancel={() => setEditing(null)}
          onReload={() => void current.refetch()}
          onDone={(saved, created) => {
            feedback.success(
              created
                ? t("list.created", { name: saved.name, code: saved.code })
                : t("list.saved", { name: saved.name }),
            );
            setEditing(null);
          }}
        />
      </Drawer>
    </>
  );
};
