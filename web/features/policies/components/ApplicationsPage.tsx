import { PlusOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApplicationRow } from "../../../../common/policy.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { usePermission } from "../../../lib/current-user";
import { useListState } from "../../../lib/list-state";
import { useApplications, useExportApplications } from "../api/applications.api";
import { useApplicationColumns } from "./ApplicationColumns";
import { ApplicationFilters, applicationFilterKeys } from "./ApplicationFilters";
import type { ApplyPrefill } from "./ApplicationForm";
import { ApplyDrawer } from "./ApplyDrawer";
import { useOwnFirm } from "./roles";

/** 兑现申请: every claim in scope (an enterprise user's own), with its step and amounts; export. */
export const ApplicationsPage = () => {
  const { t } = useTranslation("policies");
  const canApply = usePermission("policy.apply");
  const { firmUser } = useOwnFirm();
  const list = useListState(applicationFilterKeys);
  const query = list.query;
  const { data, isFetching, error, refetch } = useApplications(query);
  const exportList = useExportApplications();
  const [applying, setApplying] = useState<ApplyPrefill | null>(null);
  const columns = useApplicationColumns(!firmUser).map((c) =>
    "key" in c && typeof c.key === "string" && "sorter" in c
      ? { ...c, sortOrder: list.sortOrderOf(c.key) }
      : c,
  );
  const applyButton = canApply ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying({})}>
      {t("apply.new")}
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        title={firmUser ? t("apps.titleMine") : t("apps.title")}
        sub={firmUser ? t("apps.subMine") : t("apps.sub")}
        extra={
          <>
            <ExportButton mutation={exportList} params={query} />
            {applyButton}
          </>
        }
      />
      <ApplicationFilters list={list} firmUser={firmUser} />
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<ApplicationRow>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={canApply ? t("apps.emptyHint") : t("apps.empty")}
        emptyAction={applyButton}
        scrollX={1300}
      />
      <ApplyDrawer prefill={applying} onClose={() => setApplying(null)} />
    </>
  );
};
