import { PlusOutlined } from "@ant-design/icons";
import { Button, Drawer } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { AppealRow } from "../../../../common/appeal.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { useListState } from "../../../lib/list-state";
import { useAppeals, useExportAppeals } from "../api/appeals.api";
import { useAppealColumns } from "./AppealColumns";
import { AppealFilters, appealFilterKeys } from "./AppealFilters";
import { AppealForm } from "./AppealForm";

/** 企业诉求: every appeal in scope (an enterprise user's own), overdue ones in red; file and export. */
export const AppealsPage = () => {
  const { t } = useTranslation("appeals");
  const feedback = useFeedback();
  const navigate = useNavigate();
  const staff = usePermission("appeal.write");
  const firmUser = usePermission("appeal.raise") && !staff;
  const list = useListState(appealFilterKeys);
  const query = list.query;
  const { data, isFetching, error, refetch } = useAppeals(query);
  const exportList = useExportAppeals();
  const [creating, setCreating] = useState(false);
  const columns = useAppealColumns(!firmUser).map((c) =>
    "key" in c && typeof c.key === "string" && "sorter" in c
      ? { ...c, sortOrder: list.sortOrderOf(c.key) }
      : c,
  );
  const label = firmUser ? t("list.raise") : t("list.create");
  const createButton =
    staff || firmUser ? (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
        {label}
      </Button>
    ) : undefined;

  return (
    <>
      <PageHeader
        title={firmUser ? t("list.titleMine") : t("list.title")}
        sub={firmUser ? t("list.subMine") : t("list.sub")}
        extra={
          <>
            <ExportButton mutation={exportList} params={query} />
            {createButton}
          </>
        }
      />
      <AppealFilters list={list} />
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<AppealRow>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={firmUser ? t("list.emptyMine") : staff ? t("list.emptyHint") : t("list.empty")}
        emptyAction={createButton}
        scrollX={1150}
      />
      <Drawer open={creating} title={label} onClose={() => setCreating(false)} size={640} destroyOnHidden>
        <AppealForm
          onCancel={() => setCreating(false)}
          onDone={(saved) => {
            feedback.success(t("list.created", { title: saved.title, code: saved.code }));
            setCreating(false);
            navigate(`/appeals/${saved.id}`);
          }}
        />
      </Drawer>
    </>
  );
};
