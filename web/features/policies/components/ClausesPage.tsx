import { PlusOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { ClauseRow } from "../../../../common/policy.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { RecordDrawer } from "../../../components/RecordDrawer";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { useListState } from "../../../lib/list-state";
import { useClauses, useExportClauses } from "../api/clauses.api";
import { useClauseColumns } from "./ClauseColumns";
import { ClauseFilters, clauseFilterKeys } from "./ClauseFilters";
import { ClauseForm } from "./ClauseForm";

/** 政策条款库: every clause of the region's policies, with its condition and amount in words. */
export const ClausesPage = () => {
  const { t } = useTranslation("policies");
  const feedback = useFeedback();
  const navigate = useNavigate();
  const canManage = usePermission("policy.manage");
  const list = useListState(clauseFilterKeys);
  const query = list.query;
  const { data, isFetching, error, refetch } = useClauses(query);
  const exportList = useExportClauses();
  const [creating, setCreating] = useState(false);
  const columns = useClauseColumns().map((c) =>
    "key" in c && typeof c.key === "string" && "sorter" in c
      ? { ...c, sortOrder: list.sortOrderOf(c.key) }
      : c,
  );
  const createButton = canManage ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t("clauses.create")}
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        title={t("clauses.title")}
        sub={t("clauses.sub")}
        extra={
          <>
            <ExportButton mutation={exportList} params={query} />
            {createButton}
          </>
        }
      />
      <ClauseFilters list={list} />
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<ClauseRow>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={canManage ? t("clauses.emptyHint") : t("clauses.empty")}
        emptyAction={createButton}
        scrollX={1400}
      />
      <RecordDrawer
        open={creating}
        title={t("clauses.create")}
        onClose={() => setCreating(false)}
        subjectType="policy"
        subjectId={null}
        size={820}
      >
        <ClauseForm
          record={null}
          onCancel={() => setCreating(false)}
          onReload={() => undefined}
          onDone={(saved) => {
            feedback.success(t("clauses.created", { name: saved.name }));
            setCreating(false);
            navigate(`/policies/${saved.id}`);
          }}
        />
      </RecordDrawer>
    </>
  );
};
