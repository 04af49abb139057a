import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, RiseOutlined } from "@ant-design/icons";
import { Button, Card, Drawer, Flex, Popconfirm, Result, Skeleton, Steps, Tabs, Typography } from "antd";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { type ProjectRow, projectStages, stageIndex } from "../../../../common/project.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { isApiError } from "../../../lib/api";
import { useCurrentUser, usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { formatDate } from "../../../lib/format";
import { useDeleteProject, useProject } from "../api/projects.api";
import { amountText } from "../format";
import { ContractPanel } from "./ContractPanel";
import { CreditsPanel } from "./CreditsPanel";
import { FundsPanel } from "./FundsPanel";
import { NodesPanel } from "./NodesPanel";
import { PerformancePanel } from "./PerformancePanel";
import { OverdueBadge, ProjectTags, StageTag } from "./ProjectBits";
import { ProjectForm } from "./ProjectForm";
import { ProjectProfile } from "./ProjectProfile";
import { StageModal } from "./StageModal";
import { StagesPanel } from "./StagesPanel";

/** The pipeline as steps, each reached stage with the day it was first reached. */
const StageSteps = ({ p }: { p: ProjectRow }) => {
  const { t } = useTranslation("projects");
  const stopped = p.stage === "stopped";
  const at = stageIndex(stopped ? (p.stoppedFrom ?? "lead") : p.stage);
  return (
    <Steps
      size="small"
      titlePlacement="vertical"
      current={at}
      status={stopped ? "error" : p.stage === "full_production" ? "finish" : "process"}
      style={{ marginTop: 20 }}
      items={projectStages.map((s, i) => {
        const on = p.stageDates?.[i] ?? null;
        return {
          title: stopped && i === at ? `${t(`stage.${s}`)}（${t("stage.stopped")}）` : t(`stage.${s}`),
          content: on ? formatDate(on) : undefined,
        };
      })}
    />
  );
};

const Header = ({ p, onEdit, onMove }: { p: ProjectRow; onEdit: () => void; onMove: () => void }) => {
  const { t } = useTranslation("projects");
  const feedback = useFeedback();
  const navigate = useNavigate();
  const canWrite = usePermission("project.write");
  const remove = useDeleteProject();
  const onDelete = () =>
    remove.mutateAsync({ id: p.id, version: p.version }).then(() => {
      feedback.success(t("list.deleted", { name: p.name }));
      navigate("/projects", { replace: true });
    }, feedback.error);
  const amount = amountText(p.totalInvestmentFen, { wan: t("field.wan"), yi: t("field.yi") });
  return (
    <Card style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="flex-start" wrap gap={16}>
        <Flex vertical gap={8} style={{ minWidth: 0 }}>
          <Flex gap={12} align="center" wrap>
            <Typography.Text type="secondary" style={{ fontFamily: "monospace" }} copyable>
              {p.code}
            </Typography.Text>
            <StageTag stage={p.stage} />
            <OverdueBadge n={p.overdueNodes} />
          </Flex>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {p.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {[p.investorName, p.parkName ?? p.regionName, p.teamName, amount && t("page.total", { amount })]
              .filter(Boolean)
              .join(" · ")}
          </Typography.Text>
          <ProjectTags p={p} />
        </Flex>
        {canWrite && (
          <Flex gap={8} wrap>
            <Button type="primary" icon={<RiseOutlined />} onClick={onMove}>
              {t("move.title")}
            </Button>
            <Button icon={<EditOutlined />} onClick={onEdit}>
              {t("page.edit")}
            </Button>
            <Popconfirm
              title={t("list.deleteConfirm", { name: p.name })}
              description={t("list.deleteHint")}
              okText={t("common:action.delete")}
              okButtonProps={{ danger: true }}
              cancelText={t("common:action.cancel")}
              onConfirm={onDelete}
            >
              <Button danger icon={<DeleteOutlined />}>
                {t("common:action.delete")}
              </Button>
            </Popconfirm>
          </Flex>
        )}
      </Flex>
      <StageSteps p={p} />
    </Card>
  );
};

/** 项目详情: the project's stage, profile, key nodes, contract, credit, stage history and audit trail. */
export const ProjectPage = () => {
  const { t } = useTranslation("projects");
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const feedback = useFeedback();
  const canAudit = usePermission("audit.read");
  const canWrite = usePermission("project.write");
  const me = useCurrentUser();
  const { AuditTrail, ProjectPanels } = useExtensions();
  const { data: p, isLoading, error, refetch } = useProject(id);
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);

  const setTab = (key: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (key === "profile") next.delete("tab");
        else next.set("tab", key);
        return next;
      },
      { replace: true },
    );

  if (isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!p) {
    // A malformed id is refused with 400, one outside scope with 404: both are "no such project" here.
    const missing = isApiError(error) && (error.status === 404 || error.status === 400);
    return missing ? (
      <Result
        status="404"
        title={t("page.notFound")}
        extra={
          <Link to="/projects">
            <Button type="primary">{t("page.back")}</Button>
          </Link>
        }
      />
    ) : (
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
    );
  }

  const tab = params.get("tab") ?? "profile";
  const items = [
    { key: "profile", label: t("page.profile"), children: <ProjectProfile p={p} /> },
    {
      key: "nodes",
      label: (
        <Flex gap={6} align="center">
          {t("page.nodes")}
          <OverdueBadge n={p.overdueNodes} />
        </Flex>
      ),
      children: <NodesPanel project={p} />,
    },
    { key: "contract", label: t("page.contract"), children: <ContractPanel project={p} /> },
    { key: "performance", label: t("perf.tab"), children: <PerformancePanel project={p} /> },
    { key: "funds", label: t("funds.tab"), children: <FundsPanel project={p} /> },
    { key: "credits", label: t("page.credits"), children: <CreditsPanel project={p} /> },
    { key: "stages", label: t("page.stages"), children: <StagesPanel projectId={p.id} /> },
    // Other features' tabs (activities, problems …), composed in web/app.
    ...ProjectPanels.filter((x) => !x.permission || me.permissions.includes(x.permission)).map((x) => ({
      key: x.key,
      label: t(x.title),
      children: (
        <Suspense fallback={<Skeleton active />}>
          <x.Panel
            projectId={p.id}
            projectName={p.name}
            regionId={p.regionId}
            investorId={p.investorId}
            writable={canWrite}
          />
        </Suspense>
      ),
    })),
    ...(canAudit
      ? [
          {
            key: "trail",
            label: t("page.trail"),
            children: <AuditTrail subjectType="project" subjectId={p.id} />,
          },
        ]
      : []),
  ];

  return (
    <>
      <Link to="/projects" style={{ display: "inline-block", marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t("page.back")}
      </Link>
      <Header p={p} onEdit={() => setEditing(true)} onMove={() => setMoving(true)} />
      <Card>
        <Tabs
          activeKey={items.some((i) => i.key === tab) ? tab : "profile"}
          onChange={setTab}
          items={items}
          destroyOnHidden
        />
      </Card>
      <Drawer open={editing} title={p.name} onClose={() => setEditing(false)} size={780} destroyOnHidden>
        <ProjectForm
          key={`${p.id}:${p.version}`}
          record={p}
          onCancel={() => setEditing(false)}
          onReload={() => void refetch()}
          onDone={(saved) => {
            feedback.success(t("list.saved", { name: saved.name }));
            setEditing(false);
          }}
        />
      </Drawer>
      {moving && (
        <StageModal
          project={p}
          onClose={() => setMoving(false)}
          onOpenTab={(key) => {
            setMoving(false);
            setTab(key);
          }}
        />
      )}
    </>
  );
};
