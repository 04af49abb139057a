import { PlusOutlined, SlidersOutlined } from "@ant-design/icons";
import {
  Button,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  List,
  Popconfirm,
  Popover,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import {
  type ProspectRow,
  prospectPriorities,
  prospectPriorityLabels,
  prospectSignalLabels,
  prospectSourceLabels,
  prospectSources,
  prospectStatuses,
  prospectStatusLabels,
  type ScorePart,
} from "../../../../common/chain.prospect";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { SearchBox } from "../../../components/SearchBox";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { formatDate } from "../../../lib/format";
import { useListState } from "../../../lib/list-state";
import {
  useDeleteProspect,
  useExportProspects,
  useProspect,
  useProspects,
  useProspectTimeline,
} from "../api/prospects.api";
import { AssignModal, ConvertModal, ProspectCreateModal, WeightsModal } from "./ProspectDialogs";

const filterKeys = ["regionId", "source", "status", "priority", "chainId", "linkId"] as const;

/** The score's parts, each with its points and the reason in words. */
export const ScoreWhy = ({ parts }: { parts: ScorePart[] }) => {
  const { t } = useTranslation("chains");
  return (
    <List
      size="small"
      dataSource={parts}
      renderItem={(p) => (
        <List.Item>
          <Flex gap={8} style={{ width: "100%" }}>
            <Typography.Text strong style={{ width: 96 }}>
              {p.label}
            </Typography.Text>
            <Tag color={p.points > 0 ? "blue" : undefined}>{t("prospects.points", { points: p.points })}</Tag>
            <Typography.Text>{p.reason}</Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
};

const ProspectDrawer = ({ id, onClose }: { id: string | null; onClose: () => void }) => {
  const { t } = useTranslation("chains");
  const feedback = useFeedback();
  const canManage = usePermission("prospect.manage");
  const [editing, setEditing] = useState(false);
  const remove = useDeleteProspect();
  const p = useProspect(id);
  const timeline = useProspectTimeline(id, usePermission("activity.read"));
  const d = p.data;
  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size={720}
      title={d?.name ?? t("prospects.detail")}
      destroyOnHidden
      extra={
        canManage &&
        d &&
        d.status !== "converted" && (
          <Space>
            <Button onClick={() => setEditing(true)}>{t("link.edit")}</Button>
            <Popconfirm
              title={t("prospects.deleteConfirm")}
              onConfirm={() =>
                remove.mutate(
                  { id: d.id, version: d.version },
                  { onSuccess: () => onClose(), onError: feedback.error },
                )
              }
            >
              <Button danger>{t("chain.delete")}</Button>
            </Popconfirm>
            <ProspectCreateModal open={editing} onClose={() => setEditing(false)} record={d} />
          </Space>
        )
      }
    >
      {!d ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t("prospects.score")}>{d.score}</Descriptions.Item>
            <Descriptions.Item label={t("prospects.status")}>
              {prospectStatusLabels[d.status]}
            </Descriptions.Item>
            <Descriptions.Item label={t("prospects.sources")} span={2}>
              {d.sources.map((s) => prospectSourceLabels[s]).join("、")}
            </Descriptions.Item>
            <Descriptions.Item label={t("prospects.country")}>{d.country ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("prospects.headquarters")}>{d.headquarters ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("prospects.industry")}>
              {d.industry ?? d.industryCode ?? "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("prospects.priority")}>
              {prospectPriorityLabels[d.priority]}
            </Descriptions.Item>
            <Descriptions.Item label={t("prospects.links")} span={2}>
              {d.links.map((l) => (
                <Tag key={l.id}>
                  <Link to={`/chains/${l.chainId}`}>
                    {l.chainName} · {l.name}
                  </Link>
                </Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t("prospects.moves")} span={2}>
              {d.moves ?? "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("prospects.project")} span={2}>
              {d.projectId ? <Link to={`/projects/${d.projectId}`}>{d.projectCode}</Link> : "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("prospects.note")} span={2}>
              {d.note ?? "—"}
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t("prospects.why")}</Typography.Title>
            <ScoreWhy parts={d.parts} />
          </div>
          <div>
            <Typography.Title level={5}>{t("prospects.activities")}</Typography.Title>
            {timeline.data?.length ? (
              <List
                size="small"
                dataSource={timeline.data}
                renderItem={(a) => (
                  <List.Item>
                    {formatDate(a.heldOn)} {a.title}
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("prospects.noActivities")} />
            )}
          </div>
        </Flex>
      )}
    </Drawer>
  );
};

/** 招引目标池: ranked, each score explained; assign to a team, turn into a lead. */
export const ProspectsPage = () => {
  const { t } = useTranslation("chains");
  const canManage = usePermission("prospect.manage");
  const canWeigh = usePermission("chain.manage");
  const canConvert = usePermission("project.write") && canManage;
  const list = useListState(filterKeys);
  const { data, isFetching, error, refetch } = useProspects(list.query);
  const exportList = useExportProspects();
  const [params, setParams] = useSearchParams();
  const open = params.get("open");
  const setOpen = (id: string | null) => {
    const next = new URLSearchParams(window.location.search);
    if (id) next.set("open", id);
    else next.delete("open");
    setParams(next, { replace: true });
  };
  const [creating, setCreating] = useState(false);
  const [weighing, setWeighing] = useState(false);
  const [assigning, setAssigning] = useState<ProspectRow | null>(null);
  const [converting, setConverting] = useState<ProspectRow | null>(null);
  const columns: ColumnsType<ProspectRow> = [
    {
      title: t("prospects.score"),
      key: "score",
      width: 90,
      sorter: true,
      sortOrder: list.sortOrderOf("score"),
      render: (_, p) => (
        <Popover content={<ScoreWhy parts={p.parts} />} title={t("prospects.why")}>
          <Typography.Link>{p.score}</Typography.Link>
        </Popover>
      ),
    },
    {
      title: t("prospects.name"),
      key: "name",
      sorter: true,
      sortOrder: list.sortOrderOf("name"),
      render: (_, p) => (
        <Flex vertical>
          <Typography.Link onClick={() => setOpen(p.id)}>{p.name}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.parts[0]?.reason}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("prospects.sources"),
      key: "sources",
      width: 150,
      render: (_, p) => p.sources.map((s) => <Tag key={s}>{prospectSourceLabels[s]}</Tag>),
    },
    {
      title: t("prospects.country"),
      key: "where",
      width: 140,
      render: (_, p) => [p.country, p.headquarters].filter(Boolean).join(" · "),
    },
    {
      title: t("prospects.links"),
      key: "links",
      render: (_, p) => p.links.map((l) => <Tag key={l.id}>{`${l.chainName}·${l.name}`}</Tag>),
    },
    {
      title: t("prospects.signals"),
      key: "signals",
      width: 120,
      render: (_, p) => p.signals.map((s) => prospectSignalLabels[s]).join("、"),
    },
    {
      title: t("prospects.priority"),
      key: "priority",
      width: 70,
      render: (_, p) => prospectPriorityLabels[p.priority],
    },
    { title: t("prospects.team"), dataIndex: "teamName", width: 140 },
    {
      title: t("prospects.status"),
      key: "status",
      width: 120,
      render: (_, p) =>
        p.projectId ? (
          <Link to={`/projects/${p.projectId}`}>{p.projectCode}</Link>
        ) : (
          <Tag>{prospectStatusLabels[p.status]}</Tag>
        ),
    },
    ...(canManage
      ? [
          {
            title: "",
            key: "act",
            width: 150,
            fixed: "right" as const,
            render: (_: unknown, p: ProspectRow) =>
              p.status === "converted" ? null : (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setAssigning(p)}>
                    {t("prospects.assign")}
                  </Button>
                  {canConvert && (
                    <Button type="link" size="small" onClick={() => setConverting(p)}>
                      {t("prospects.convert")}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]
      : []),
  ];
  const sel = (
    key: (typeof filterKeys)[number],
    options: { value: string; label: string }[],
    placeholder: string,
  ) => (
    <Select
      allowClear
      style={{ width: 150 }}
      placeholder={placeholder}
      value={list.query[key]}
      onChange={(v) => list.update({ [key]: v })}
      options={options}
    />
  );
  return (
    <>
      <PageHeader
        title={t("prospects.title")}
        sub={t("prospects.sub")}
        extra={
          <>
            {canWeigh && (
              <Button icon={<SlidersOutlined />} onClick={() => setWeighing(true)}>
                {t("prospects.weights")}
              </Button>
            )}
            <ExportButton mutation={exportList} params={list.query} />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t("prospects.create")}
              </Button>
            )}
          </>
        }
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <SearchBox
          value={list.query.q}
          onSearch={(q) => list.update({ q })}
          placeholder={t("prospects.name")}
        />
        {sel(
          "source",
          prospectSources.map((s) => ({ value: s, label: prospectSourceLabels[s] })),
          t("prospects.sources"),
        )}
        {sel(
          "status",
          prospectStatuses.map((s) => ({ value: s, label: prospectStatusLabels[s] })),
          t("prospects.status"),
        )}
        {sel(
          "priority",
          prospectPriorities.map((s) => ({ value: s, label: prospectPriorityLabels[s] })),
          t("prospects.priority"),
        )}
      </Space>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<ProspectRow>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={t("prospects.empty")}
        scrollX={1500}
      />
      <ProspectDrawer id={open} onClose={() => setOpen(null)} />
      <ProspectCreateModal open={creating} onClose={() => setCreating(false)} />
      <WeightsModal open={weighing} onClose={() => setWeighing(false)} regionId={list.query.regionId} />
      <AssignModal prospect={assigning} onClose={() => setAssigning(null)} />
      <ConvertModal prospect={converting} onClose={() => setConverting(null)} />
    </>
  );
};
