import { Card, Empty, Table } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ApplicationRow } from "../../../../common/policy.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { useApplications } from "../api/applications.api";
import { useApplicationColumns } from "./ApplicationColumns";
import { PolicyMatchPanel } from "./PolicyMatchPanel";
import { useOwnFirm } from "./roles";

/** 政策兑现 for an enterprise user: the clauses their firm may claim, and their applications. */
export const MyPoliciesPage = () => {
  const { t } = useTranslation("policies");
  const { firmId } = useOwnFirm();
  const recent = useApplications({ pageSize: 10, sort: "appliedOn", order: "desc" });
  const columns = useApplicationColumns(false).map(({ sorter: _s, ...c }) => c);

  return (
    <>
      <PageHeader title={t("mine.title")} sub={t("mine.sub")} />
      <Card title={t("mine.matches")} style={{ marginBottom: 16 }}>
        {firmId ? (
          <PolicyMatchPanel enterpriseId={firmId} enterpriseName="" />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("mine.noFirm")} />
        )}
      </Card>
      <Card title={t("mine.applications")} extra={<Link to="/policies/applications">{t("mine.all")}</Link>}>
        <ApiErrorAlert error={recent.error} onRetry={() => void recent.refetch()} />
        <Table<ApplicationRow>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={recent.data?.items}
          loading={recent.isFetching}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("apps.empty")} /> }}
        />
      </Card>
    </>
  );
};
