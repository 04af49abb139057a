import { UnorderedListOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Flex, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { allStages, type ProjectRow, type ProjectStage } from "../../../../common/project.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { useListState } from "../../../lib/list-state";
import { useProjects } from "../api/projects.api";
import { amountText } from "../format";
import { OverdueBadge, StageTag } from "./ProjectBits";
import { ProjectFilters, projectFilterKeys } from "./ProjectFilters";

const COLUMN_SIZE = 50;

const ProjectCard = ({ p }: { p: ProjectRow }) => {
  const { t } = useTranslation("projects");
  return (
    <Card size="small" styles={{ body: { padding: 10 } }} data-testid="board-card">
      <Flex vertical gap={4}>
        <Flex justify="space-between" gap={8} align="flex-start">
          <Link to={`/projects/${p.id}`} style={{ fontWeight: 500 }}>
            {p.name}
          </Link>
          <OverdueBadge n={p.overdueNodes} />
        </Flex>
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }} title={p.investorName}>
          {p.investorName}
        </Typography.Text>
        <Flex justify="space-between" gap={8}>
          <Typography.Text style={{ fontSize: 12, whiteSpace: "nowrap" }}>
            {amountText(p.totalInvestmentFen, { wan: t("field.wan"), yi: t("field.yi") }) || "—"}
          </Typography.Text>
          <Typography.Text
            type="secondary"
            ellipsis
            style={{ fontSize: 12, minWidth: 0 }}
            title={p.teamName ?? ""}
          >
            {p.teamName ?? ""}
          </Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
};

/** One stage's column: its own request, so a busy stage does not hold up the others. */
const StageColumn = ({
  stage,
  filters,
}: {
  stage: ProjectStage;
  filters: Record<string, string | undefined>;
}) => {
  const { t } = useTranslation("projects");
  const q = useProjects({
    ...filters,
    stage,
    page: 1,
    pageSize: COLUMN_SIZE,
    sort: "stageOn",
    order: "desc",
  });
  const items = q.data?.items ?? [];
  const total = q.data?.total ?? 0;
  const more = new URLSearchParams({ stage });
  for (const [k, v] of Object.entries(filters)) if (v) more.set(k, v);
  return (
    <section
      aria-label={t(`stage.${stage}`)}
      style={{
        flex: "0 0 208px",
        background: stage === "stopped" ? "#fff5f5" : "#f5f7fa",
        borderRadius: 8,
        padding: 8,
        display: "flex",
        flexDirection: "column",
        maxHeight: "calc(100vh - 250px)",
      }}
    >
      <Flex justify="space-between" align="center" style={{ padding: "4px 4px 8px" }}>
        <StageTag stage={stage} />
        <Typography.Text type="secondary">{q.data ? t("board.count", { n: total }) : ""}</Typography.Text>
      </Flex>
      <ApiErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      <Flex vertical gap={8} style={{ overflowY: "auto", minHeight: 60 }}>
        {q.isLoading ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : items.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t("board.empty")}
            style={{ margin: "8px 0" }}
          />
        ) : (
          items.map((p) => <ProjectCard key={p.id} p={p} />)
        )}
        {total > items.length && (
          <Link to={`/projects?${more}`} style={{ textAlign: "center", fontSize: 12 }}>
            {t("board.more", { n: total - items.length })}
          </Link>
        )}
      </Flex>
    </section>
  );
};

/** 项目看板: the projects in scope by stage, 线索 to 达产 and 中止, with the ledger's filters. */
export const BoardPage = () => {
  const { t } = useTranslation("projects");
  const navigate = useNavigate();
  const list = useListState(projectFilterKeys);
  const { page: _p, pageSize: _s, sort: _o, order: _d, stage: _st, ...filters } = list.query;
  return (
    <>
      <PageHeader
        title={t("board.title")}
        sub={t("board.sub")}
        extra={
          <Button
            icon={<UnorderedListOutlined />}
            onClick={() => navigate(`/projects${window.location.search}`)}
          >
            {t("list.title")}
          </Button>
        }
      />
      <ProjectFilters list={list} show={["search", "channel", "tier", "tag"]} />
      <div style={{ display: "flex", gap: 12, overflowX: "auto", paddingBottom: 8 }}>
        {allStages.map((s) => (
          <StageColumn key={s} stage={s} filters={filters} />
        ))}
      </div>
    </>
  );
};
