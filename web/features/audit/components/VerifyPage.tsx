import { ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ChainReport } from "../../../../common/audit.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { formatDateTimeSec } from "../../../lib/format";
import { useAuditVerify } from "../api/audit.api";

export const VerifyPage = () => {
  const { t } = useTranslation("audit");
  const { data, isFetching, error, refetch, dataUpdatedAt } = useAuditVerify();
  const broken = data?.chains.filter((c) => !c.ok).length ?? 0;

  return (
    <>
      <PageHeader
        title={t("verify.title")}
        sub={t("verify.sub")}
        extra={
          <Button icon={<ReloadOutlined />} loading={isFetching} onClick={() => void refetch()}>
            {isFetching ? t("verify.running") : t("verify.run")}
          </Button>
        }
      />
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      {data && (
        <Alert
          type={data.ok ? "success" : "error"}
          showIcon
          style={{ marginBottom: 16 }}
          title={data.ok ? t("verify.allOk", { n: data.chains.length }) : t("verify.broken", { n: broken })}
          description={t("verify.checkedAt", { at: formatDateTimeSec(new Date(dataUpdatedAt)) })}
        />
      )}
      <Table<ChainReport>
        rowKey="chainKey"
        loading={isFetching}
        dataSource={data?.chains}
        pagination={false}
        locale={{ emptyText: t("verify.none") }}
        columns={[
          {
            title: t("verify.chain"),
            key: "chain",
            // The key is a region id: noise to a reader; the global chain gets a translated name.
            render: (_, c) => (c.chainKey === "global" ? t("verify.global") : c.chainName),
          },
          { title: t("verify.rows"), dataIndex: "rows", align: "right", width: 100 },
          {
            title: t("verify.status"),
            key: "ok",
            width: 100,
            render: (_, c) =>
              c.ok ? <Tag color="green">{t("verify.ok")}</Tag> : <Tag color="red">{t("verify.bad")}</Tag>,
          },
          {
            title: t("verify.firstBad"),
            key: "seq",
            width: 130,
            render: (_, c) => (c.firstBad ? `#${c.firstBad.seq}` : ""),
          },
          {
            title: t("verify.reason"),
            key: "reason",
            render: (_, c) =>
              c.firstBad ? <Typography.Text type="danger">{c.firstBad.reason}</Typography.Text> : "",
          },
        ]}
      />
    </>
  );
};
