import { Alert, Divider, Empty, Skeleton, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Commitment, CommitmentStatus, ProjectRow } from "../../../../common/project.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { formatDate } from "../../../lib/format";
import { usePerformance } from "../api/performance.api";
import { quantityText } from "../format";
import { ActualsPanel } from "./ActualsPanel";
import { Blank } from "./ProjectBits";

const commitmentColor: Record<CommitmentStatus, string> = {
  met: "green",
  pending: "default",
  behind: "orange",
  missed: "red",
};

const isDate = (c: Commitment) => c.key === "start" || c.key === "production";

/** 履约: each commitment of the contract against what the project achieved, and idle land in red. */
export const PerformancePanel = ({ project }: { project: ProjectRow }) => {
  const { t } = useTranslation("projects");
  const { data, isLoading, error, refetch } = usePerformance(project.id);
  if (isLoading) return <Skeleton active paragraph={{ rows: 5 }} />;
  if (error) return <ApiErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!data?.contract) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("perf.noContract")} />;
  }
  const unit = (u: string) => t(`perf.unit.${u}`, { defaultValue: u });
  const amount = (v: number | string | null, c: Commitment) =>
    typeof v === "number" ? quantityText(v, unit(c.unit)) : v;
  const value = (v: number | string | null, c: Commitment) => {
    if (v === null)
      return isDate(c) ? <Typography.Text type="secondary">{t("perf.notYet")}</Typography.Text> : <Blank />;
    return isDate(c) && typeof v === "string" ? formatDate(v) : amount(v, c);
  };
  const gap = (c: Commitment) => {
    if (isDate(c)) {
      if (c.gap !== null && c.gap > 0)
        return <Typography.Text type="danger">{t("perf.late", { n: c.gap })}</Typography.Text>;
      return c.actual ? <Typography.Text type="success">{t("perf.onTime")}</Typography.Text> : <Blank />;
    }
    if (c.gap === null) return <Blank />;
    const text = quantityText(c.gap, unit(c.unit));
    return c.gap >= 0 ? (
      <Typography.Text type="success">{`+${text}`}</Typography.Text>
    ) : (
      <Typography.Text type="danger">{text}</Typography.Text>
    );
  };
  const signedOn = data.contract.signedOn;
  return (
    <>
      {data.idleLand && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={`${t("perf.idleTitle")}${t("common:state.colon")}${t(`perf.idle.${data.idleLand.level}`, { defaultValue: data.idleLand.text })}`}
          description={t("perf.idleSince", { date: formatDate(data.idleLand.since) })}
        />
      )}
      <Typography.Paragraph type="secondary">{t("perf.hint")}</Typography.Paragraph>
      <Table<Commitment>
        rowKey="key"
        size="middle"
        pagination={false}
        dataSource={data.commitments}
        scroll={{ x: 820 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("perf.noCommitments")} />,
        }}
        columns={[
          {
            title: t("perf.commitment"),
            dataIndex: "key",
            width: 140,
            render: (k: Commitment["key"], c) => t(`perf.key.${k}`, { defaultValue: c.label }),
          },
          {
            title: t("perf.target"),
            key: "target",
            width: 150,
            align: "right",
            render: (_, c) => value(c.target, c),
          },
          {
            title: t("perf.actual"),
            key: "actual",
            width: 150,
            align: "right",
            render: (_, c) => value(c.actual, c),
          },
          { title: t("perf.gap"), key: "gap", width: 160, align: "right", render: (_, c) => gap(c) },
          {
            title: t("perf.due"),
            dataIndex: "due",
            width: 120,
            render: (v: string | null) => (v ? formatDate(v) : <Blank />),
          },
          {
            title: t("perf.status"),
            dataIndex: "status",
            width: 100,
            render: (s: CommitmentStatus) => (
              <Tag color={commitmentColor[s]}>{t(`commitmentStatus.${s}`)}</Tag>
            ),
          },
        ]}
      />
      <Divider titlePlacement="start">{t("actuals.title")}</Divider>
      <ActualsPanel projectId={project.id} signedYear={Number(signedOn.slice(0, 4))} />
    </>
  );
};
