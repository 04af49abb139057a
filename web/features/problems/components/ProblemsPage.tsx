import { PlusOutlined } from "@ant-design/icons";
import { Button, Drawer } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProblemRow } from "../../../../common/problem.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { useListState } from "../../../lib/list-state";
import { useExportProblems, useProblems } from "../api/problems.api";
import { useOpenProblem, useProblemColumns } from "./ProblemColumns";
import { ProblemDrawer } from "./ProblemDrawer";
import { ProblemFilters, problemFilterKeys } from "./ProblemFilters";
import { ProblemForm } from "./ProblemForm";

/** 问题清单: every problem in scope, overdue ones in red; raise, act on and export them. */
export const ProblemsPage = () => {
  const { t } = useTranslation("problems");
  const feedback = useFeedback();
  const canWrite = usePermission("problem.write");
  const list = useListState(problemFilterKeys);
  const query = list.query;
  const { data, isFetching, error, refetch } = useProblems(query);
  const exportList = useExportProblems();
  const { openId, open } = useOpenProblem();
  const [creating, setCreating] = useState(false);
  const columns = useProblemColumns(open).map((c) =>
    "key" in c && typeof c.key === "string" && "sorter" in c
      ? { ...c, sortOrder: list.sortOrderOf(c.key) }
      : c,
  );

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
      <ProblemFilters list={list} />
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<ProblemRow>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={canWrite ? t("list.emptyHint") : t("list.empty")}
        emptyAction={createButton}
        scrollX={960}
      />
      <ProblemDrawer id={openId} onClose={() => open(null)} />
      <Drawer
        open={creating}
        title={t("list.create")}
        onClose={() => setCreating(false)}
        size={640}
        destroyOnHidden
      >
        <ProblemForm
          record={null}
          onCancel={() => setCreating(false)}
          onReload={() => undefined}
          onDone={(saved) => {
            feedback.success(t("list.created", { title: saved.title }));
            setCreating(false);
            open(saved.id);
          }}
        />
      </Drawer>
    </>
  );
};
