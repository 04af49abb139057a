import { PlusOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { VisitRow } from "../../../../common/visit.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { useListState } from "../../../lib/list-state";
import { useExportVisits, useVisits } from "../api/visits.api";
import { FormDrawer, useCompact } from "./VisitBits";
import { useOpenVisit, useVisitColumns } from "./VisitColumns";
import { VisitDrawer } from "./VisitDrawer";
import { VisitFilters, visitFilterKeys } from "./VisitFilters";
import { VisitForm } from "./VisitForm";

/** 走访记录: every visit in scope, newest first; record one (with its appeals), filter and export. */
export const VisitsPage = () => {
  const { t } = useTranslation("visits");
  const feedback = useFeedback();
  const canWrite = usePermission("visit.write");
  const list = useListState(visitFilterKeys);
  const query = list.query;
  const { data, isFetching, error, refetch } = useVisits(query);
  const exportList = useExportVisits();
  const { openId, editing, open } = useOpenVisit();
  const [creating, setCreating] = useState(false);
  const compact = useCompact();
  // On a phone the table keeps what tells visits apart; the drawer holds the rest and the actions.
  const phoneKeys = ["visitedOn", "enterpriseName", "method"];
  const columns = useVisitColumns({ open, canWrite })
    .filter((c) => !compact || ("key" in c && phoneKeys.includes(String(c.key))))
    .map((c) =>
      "key" in c && typeof c.key === "string" && "sorter" in c
        ? { ...c, sortOrder: list.sortOrderOf(c.key) }
        : c,
    );
  const visitorName = data?.items.find((v) => v.visitorId === query.visitorId)?.visitorName;

  const createButton = canWrite ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t("list.create")}
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        title={t("list.title")}
        sub={t("list.sub")}
        extra={
          <>
            <ExportButton mutation={exportList} params={query} />
            {createButton}
          </>
        }
      />
      <VisitFilters list={list} visitorName={visitorName} />
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<VisitRow>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={canWrite ? t("list.emptyHint") : t("list.empty")}
        emptyAction={createButton}
        scrollX={compact ? 360 : 1100}
      />
      <VisitDrawer id={openId} editing={editing} onEdit={(e) => open(openId, e)} onClose={() => open(null)} />
      <FormDrawer open={creating} title={t("list.create")} onClose={() => setCreating(false)}>
        <VisitForm
          record={null}
          onCancel={() => setCreating(false)}
          onReload={() => undefined}
          onDone={(saved) => {
            feedback.success(
              saved.appealCount > 0
                ? t("list.createdWithAppeals", { name: saved.enterpriseName, n: saved.appealCount })
                : t("list.created", { name: saved.enterpriseName }),
            );
            setCreating(false);
          }}
        />
      </FormDrawer>
    </>
  );
};
