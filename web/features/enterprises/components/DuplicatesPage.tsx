import { MergeCellsOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Flex, Skeleton, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { useFeedback } from "../../../lib/feedback";
import { formatDateTime } from "../../../lib/format";
import {
  type DuplicateGroup,
  type DuplicateMember,
  useDuplicates,
  useMergeEnterprise,
} from "../api/registry.api";
import { UsccText } from "./EnterpriseBits";

/** The member kept by default: one with a USCC (the legal person), else the latest updated. */
export const defaultKeep = (members: readonly DuplicateMember[]): string | undefined =>
  [...members].sort(
    (a, b) => Number(b.uscc !== null) - Number(a.uscc !== null) || b.updatedAt.localeCompare(a.updatedAt),
  )[0]?.id;

/** Two different USCCs in the group: those firms are different legal persons. */
const clashes = (members: readonly DuplicateMember[], keepId: string | undefined): boolean => {
  const keep = members.find((m) => m.id === keepId);
  return Boolean(keep?.uscc && members.some((m) => m.uscc && m.uscc !== keep.uscc));
};

const GroupCard = ({ group }: { group: DuplicateGroup }) => {
  const { t } = useTranslation("enterprises");
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const merge = useMergeEnterprise();
  const [keepId, setKeepId] = useState(() => defaultKeep(group.members));
  const [error, setError] = useState<unknown>(null);
  const keep = group.members.find((m) => m.id === keepId);
  const others = group.members.filter((m) => m.id !== keepId);

  /** One merge per other member, in turn: each answer carries the kept firm's next version. */
  const run = async () => {
    if (!keep) return;
    setError(null);
    let version = keep.version;
    let done = 0;
    try {
      for (const m of others) {
        const saved = await merge.mutateAsync({ id: keep.id, sourceId: m.id, version });
        version = saved.version;
        done += 1;
      }
      feedback.success(t("duplicates.merged", { n: done, name: keep.name }));
    } catch (e) {
      setError(e);
    }
  };

  const confirm = () => {
    if (!keep) return;
    modal.confirm({
      title: t("duplicates.confirmTitle"),
      content: t("duplicates.confirmBody", {
        keep: keep.name,
        others: others.map((m) => `「${m.name}」`).join("、"),
      }),
      okText: t("duplicates.mergeOk"),
      okButtonProps: { danger: true },
      cancelText: t("common:action.cancel"),
      width: 520,
      onOk: run,
    });
  };

  return (
    <Card
      size="small"
      title={t("duplicates.group", { key: group.nameKey, n: group.n })}
      extra={
        <Button
          type="primary"
          icon={<MergeCellsOutlined />}
          disabled={!keep || others.length === 0}
          loading={merge.isPending}
          onClick={confirm}
        >
          {t("duplicates.merge")}
        </Button>
      }
    >
      <ApiErrorAlert error={error} />
      {clashes(group.members, keepId) && (
        <Alert type="warning" showIcon title={t("duplicates.differentUscc")} style={{ marginBottom: 12 }} />
      )}
      <Table<DuplicateMember>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={group.members}
        rowSelection={{
          type: "radio",
          selectedRowKeys: keepId ? [keepId] : [],
          onChange: (keys) => setKeepId(keys[0] === undefined ? undefined : String(keys[0])),
          columnTitle: t("duplicates.keep"),
          columnWidth: 64,
        }}
        columns={[
          {
            title: t("field.name"),
            dataIndex: "name",
            render: (name: string, m) => <Link to={`/enterprises/${m.id}`}>{name}</Link>,
          },
          {
            title: t("field.uscc"),
            dataIndex: "uscc",
            width: 200,
            render: (v: string | null) => <UsccText uscc={v} />,
          },
          {
            title: t("field.park"),
            dataIndex: "parkName",
            width: 220,
            render: (v: string | null) => v ?? "—",
          },
          {
            title: t("field.updatedAt"),
            dataIndex: "updatedAt",
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
        ]}
      />
    </Card>
  );
};

/** 疑似重复: groups of likely duplicates; pick the firm to keep and merge the rest into it. */
export const DuplicatesPage = () => {
  const { t } = useTranslation("enterprises");
  const { data, isLoading, error, refetch } = useDuplicates();
  return (
    <>
      <PageHeader title={t("duplicates.title")} sub={t("duplicates.sub")} />
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      {isLoading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (data?.length ?? 0) === 0 ? (
        <Card>
          <Empty description={t("duplicates.empty")}>
            <Typography.Text type="secondary">{t("duplicates.emptyHint")}</Typography.Text>
          </Empty>
        </Card>
      ) : (
        <Flex vertical gap={16}>
          {data?.map((g) => (
            <GroupCard key={`${g.regionId}:${g.nameKey}:${g.members.map((m) => m.id).join()}`} group={g} />
          ))}
        </Flex>
      )}
    </>
  );
};
