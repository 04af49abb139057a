import { Alert, Button, Descriptions, Popconfirm, Skeleton, Table, Tabs, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { type ProjectStage, stageLabels } from "../../../../common/project.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { PageHeader } from "../../../components/PageHeader";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { useChainMap, useDeleteChain, useExportGaps, useGaps, useUpdateChain } from "../api/chains.api";
import { strengthColors } from "../charts/map.chart";
import { ChainMapView } from "./ChainMapView";
import { ChainSettings } from "./ChainSettings";
import { LeaderFirms } from "./LeaderFirms";
import { LinkDrawer } from "./LinkDrawer";
import { LinksTab } from "./LinksTab";
import { ListsTab } from "./ListsTab";

/** 缺链补链清单: missing and weak links, the prospects that would fill them, projects under way. */
const GapsTab = ({ chainId, onOpen }: { chainId: string; onOpen: (id: string) => void }) => {
  const { t } = useTranslation("chains");
  const gaps = useGaps(chainId);
  const exportGaps = useExportGaps(chainId);
  return (
    <>
      <div style={{ textAlign: "right", marginBottom: 8 }}>
        <ExportButton mutation={exportGaps} params={undefined} />
      </div>
      <Table
        rowKey="linkId"
        loading={gaps.isLoading}
        dataSource={gaps.data}
        pagination={false}
        locale={{ emptyText: t("gaps.empty") }}
        columns={[
          {
            title: t("col.link"),
            key: "link",
            render: (_, g) => (
              <Button type="link" onClick={() => onOpen(g.linkId)} style={{ padding: 0 }}>
                {g.linkName}
              </Button>
            ),
          },
          { title: t("col.segment"), key: "segment", width: 80, render: (_, g) => t(`seg.${g.segment}`) },
          {
            title: t("col.strength"),
            key: "strength",
            width: 80,
            render: (_, g) => <Tag color={strengthColors[g.strength]}>{t(`strength.${g.strength}`)}</Tag>,
          },
          { title: t("col.firms"), dataIndex: "firmCount", width: 80 },
          {
            title: t("gaps.candidates"),
            key: "prospects",
            render: (_, g) =>
              g.prospects.length
                ? g.prospects.map((p) => (
                    <Tag key={p.id}>
                      <Link to={`/prospects?open=${p.id}`}>{p.name}</Link>（{p.score}）
                    </Tag>
                  ))
                : t("gaps.none"),
          },
          {
            title: t("gaps.underway"),
            key: "projects",
            render: (_, g) =>
              g.projects.length
                ? g.projects.map((p) => (
                    <Tag key={p.id}>
                      <Link to={`/projects/${p.id}`}>{p.name}</Link> {stageLabels[p.stage as ProjectStage]}
                    </Tag>
                  ))
                : t("gaps.none"),
          },
        ]}
      />
    </>
  );
};

/** One chain: its map, gap report, links and the 链长制 settings with the strength rule. */
export const ChainPage = () => {
  const { id = "" } = useParams();
  const { t } = useTranslation("chains");
  const feedback = useFeedback();
  const navigate = useNavigate();
  const canManage = usePermission("chain.manage");
  const [params, setParams] = useSearchParams();
  const map = useChainMap(id);
  const update = useUpdateChain();
  const remove = useDeleteChain();
  const [linkId, setLinkId] = useState<string | null>(null);
  if (map.isLoading) return <Skeleton active />;
  if (!map.data) return <ApiErrorAlert error={map.error ?? new Error(t("chain.notFound"))} />;
  const c = map.data.chain;
  const tab = params.get("tab") ?? "map";
  return (
    <>
      <PageHeader
        title={
          <>
            {c.name} {c.status === "archived" && <Tag>{t("list.status.archived")}</Tag>}
          </>
        }
        sub={c.regionName}
        extra={
          canManage && (
            <>
              {c.status === "active" && (
                <Popconfirm
                  title={t("chain.archiveConfirm")}
                  onConfirm={() =>
                    update.mutate(
                      { id: c.id, body: { status: "archived", version: c.version } },
                      { onSuccess: () => feedback.success(t("chain.archived")), onError: feedback.error },
                    )
                  }
                >
                  <Button>{t("chain.archive")}</Button>
                </Popconfirm>
              )}
              <Popconfirm
                title={t("chain.deleteConfirm")}
                onConfirm={() =>
                  remove.mutate(
                    { id: c.id, version: c.version },
                    {
                      onSuccess: () => {
                        feedback.success(t("chain.deleted"));
                        navigate("/chains");
                      },
                      onError: feedback.error,
                    },
                  )
                }
              >
                <Button danger>{t("chain.delete")}</Button>
              </Popconfirm>
            </>
          )
        }
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t("chain.chief")}>
          {[c.chiefName, c.chiefTitle].filter(Boolean).join(" · ") || "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("chain.leaders")}>
          {c.leaderFirms.length ? c.leaderFirms.map((f) => <Tag key={f.id}>{f.name}</Tag>) : "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("chain.team")}>{c.teamName ?? c.departmentName ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("chain.goals")} span={3}>
          {c.goals.length ? c.goals.map((g) => g.text).join("；") : t("chain.noGoals")}
        </Descriptions.Item>
      </Descriptions>
      {c.status === "archived" && (
        <Alert type="info" showIcon title={t("chain.archiveConfirm")} style={{ marginBottom: 12 }} />
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          {
            key: "map",
            label: t("chain.tabMap"),
            children: <ChainMapView map={map.data} onOpen={setLinkId} />,
          },
          { key: "gaps", label: t("chain.tabGaps"), children: <GapsTab chainId={c.id} onOpen={setLinkId} /> },
          { key: "lists", label: t("chain.tabLists"), children: <ListsTab chain={c} /> },
          {
            key: "links",
            label: t("chain.tabLinks"),
            children: <LinksTab map={map.data} canManage={canManage} onOpen={setLinkId} />,
          },
          {
            key: "settings",
            label: t("chain.tabSettings"),
            children: (
              <>
                <LeaderFirms chain={c} canManage={canManage && c.status === "active"} />
                <ChainSettings chain={c} canManage={canManage} />
              </>
            ),
          },
        ]}
      />
      <LinkDrawer
        linkId={linkId}
        onClose={() => setLinkId(null)}
        canManage={canManage && c.status === "active"}
      />
    </>
  );
};
