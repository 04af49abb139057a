import { Button, Empty, Flex, Switch, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ClauseMatch } from "../../../../common/policy.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { usePermission } from "../../../lib/current-user";
import type { EnterprisePanelProps } from "../../../lib/extensions";
import { formatWan } from "../../../lib/format";
import { useFirmMatches } from "../api/clauses.api";
import type { ApplyPrefill } from "./ApplicationForm";
import { ApplyDrawer } from "./ApplyDrawer";
import { ExplanationTree } from "./ExplanationTree";
import { FairReviewTag } from "./PolicyBits";
import { useOwnFirm } from "./roles";

/**
 * 政策匹配 on the enterprise page (and an enterprise user's own 政策兑现 page): every active clause
 * against the firm — 符合 or 不符合, the unmet parts in words, the estimate — and 申报. Staff may
 * apply for an ineligible firm with a reason; the firm itself may not.
 */
export const PolicyMatchPanel = ({
  enterpriseId,
  enterpriseName,
}: Pick<EnterprisePanelProps, "enterpriseId" | "enterpriseName">) => {
  const { t } = useTranslation("policies");
  const canApply = usePermission("policy.apply");
  const { firmUser } = useOwnFirm();
  const { data, isFetching, error, refetch } = useFirmMatches(enterpriseId);
  const [onlyEligible, setOnlyEligible] = useState(false);
  const [applying, setApplying] = useState<ApplyPrefill | null>(null);
  const all = data ?? [];
  const eligible = all.filter((m) => m.eligible).length;
  const rows = onlyEligible ? all.filter((m) => m.eligible) : all;

  const columns: ColumnsType<ClauseMatch> = [
    {
      title: t("field.clause"),
      key: "clause",
      render: (_, m) => (
        <Flex vertical gap={2}>
          <Flex gap={6} wrap align="center">
            <Link to={`/policies/${m.clause.id}`}>{m.clause.name}</Link>
            {m.clause.fairReview && <FairReviewTag note={m.clause.fairReviewNote} />}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[m.clause.policyName, m.clause.clauseNo].filter(Boolean).join(" · ")}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("field.eligible"),
      key: "eligible",
      width: 100,
      render: (_, m) =>
        m.eligible ? (
          <Tag color="green">{t("match.eligible")}</Tag>
        ) : (
          <Tag color="red">{t("match.ineligible")}</Tag>
        ),
    },
    {
      title: t("field.condition"),
      key: "reasons",
      width: 340,
      render: (_, m) =>
        m.eligible ? (
          <Typography.Text type="secondary">{m.clause.conditionText}</Typography.Text>
        ) : (
          <Flex vertical gap={2}>
            {m.reasons.map((r) => (
              <Typography.Text key={r} type="danger">
                {t("match.unmet")}
                {r}
              </Typography.Text>
            ))}
          </Flex>
        ),
    },
    {
      title: t("field.estimate"),
      key: "estimate",
      width: 170,
      align: "right",
      render: (_, m) => (
        <Flex vertical gap={2} align="flex-end">
          {m.estimateFen === null ? (
            <Typography.Text type="secondary">{t("match.noEstimate")}</Typography.Text>
          ) : (
            <Typography.Text strong>{formatWan(m.estimateFen)}</Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.clause.amountText}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("common:action.actions"),
      key: "actions",
      width: 120,
      render: (_, m) =>
        m.applicationId ? (
          <Link to={`/policies/applications/${m.applicationId}`}>{t("match.viewApplication")}</Link>
        ) : canApply && (m.eligible || !firmUser) ? (
          <Button
            size="small"
            type={m.eligible ? "primary" : "default"}
            onClick={() =>
              setApplying({
                clause: m.clause,
                firm: firmUser ? undefined : { id: enterpriseId, name: enterpriseName },
                eligible: m.eligible,
                reasons: m.reasons,
                estimateFen: m.estimateFen,
              })
            }
          >
            {t("match.apply")}
          </Button>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary" data-testid="match-summary">
          {data ? t("match.summary", { total: all.length, eligible }) : ""}
        </Typography.Text>
        <Flex gap={8} align="center">
          <Switch size="small" checked={onlyEligible} onChange={setOnlyEligible} id="only-eligible" />
          <label htmlFor="only-eligible">{t("match.onlyEligible")}</label>
        </Flex>
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Table<ClauseMatch>
        rowKey={(m) => m.clause.id}
        size="small"
        columns={columns}
        dataSource={rows}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 960 }}
        expandable={{
          expandedRowRender: (m) => <ExplanationTree explanation={m.explanation} />,
          columnTitle: "",
        }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("match.empty")} /> }}
      />
      <ApplyDrawer prefill={applying} onClose={() => setApplying(null)} />
    </Flex>
  );
};
