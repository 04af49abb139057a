import { Button, Card, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ClauseRow } from "../../../../common/policy.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ListTable } from "../../../components/ListTable";
import { SearchBox } from "../../../components/SearchBox";
import { usePermission } from "../../../lib/current-user";
import { formatWan } from "../../../lib/format";
import { useListState } from "../../../lib/list-state";
import { type ClauseFirm, useClauseMatches } from "../api/clauses.api";
import type { ApplyPrefill } from "./ApplicationForm";
import { ApplyDrawer } from "./ApplyDrawer";
import { useOwnFirm } from "./roles";

const noFilters = [] as const;

/** 符合条件企业: the firms of the user's scope that meet the clause now, each with its estimate. */
export const ClauseMatches = ({ clause }: { clause: ClauseRow }) => {
  const { t } = useTranslation("policies");
  const canApply = usePermission("policy.apply") && clause.active;
  const { firmUser } = useOwnFirm();
  const list = useListState(noFilters);
  const { page, pageSize, q } = list.query;
  const { data, isFetching, error, refetch } = useClauseMatches(clause.id, { page, pageSize, q });
  const [applying, setApplying] = useState<ApplyPrefill | null>(null);

  const columns: ColumnsType<ClauseFirm> = [
    {
      title: t("field.enterprise"),
      dataIndex: "name",
      render: (_, f) => <Link to={`/enterprises/${f.enterpriseId}?tab=policies`}>{f.name}</Link>,
    },
    { title: t("field.park"), dataIndex: "parkName", width: 200, render: (v: string | null) => v ?? "—" },
    {
      title: t("field.estimate"),
      dataIndex: "estimateFen",
      width: 160,
      align: "right",
      render: (v: number | null) =>
        v === null ? (
          <Typography.Text type="secondary">{t("clause.noEstimate")}</Typography.Text>
        ) : (
          formatWan(v)
        ),
    },
    {
      title: t("common:action.actions"),
      key: "actions",
      width: 140,
      render: (_, f) =>
        f.applicationId ? (
          <Link to={`/policies/applications/${f.applicationId}`}>{t("clause.viewApplication")}</Link>
        ) : canApply ? (
          <Button
            size="small"
            type="primary"
            ghost
            onClick={() =>
              setApplying({
                clause,
                firm: { id: f.enterpriseId, name: f.name },
                eligible: true,
                estimateFen: f.estimateFen,
              })
            }
          >
            {firmUser ? t("match.apply") : t("clause.apply")}
          </Button>
        ) : null,
    },
  ];

  return (
    <Card
      title={t("clause.matches")}
      extra={
        <SearchBox
          value={q}
          onSearch={(next) => list.update({ q: next })}
          placeholder={t("clause.matchesSearchPh")}
          width={240}
        />
      }
    >
      <Typography.Paragraph type="secondary">{t("clause.matchesSub")}</Typography.Paragraph>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<ClauseFirm>
        rowKey="enterpriseId"
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={t("clause.matchesEmpty")}
        scrollX={720}
      />
      <ApplyDrawer prefill={applying} onClose={() => setApplying(null)} />
    </Card>
  );
};
