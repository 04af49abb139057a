import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from "@ant-design/icons";
import { Button, Card, Descriptions, Flex, Popconfirm, Result, Skeleton, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { ClauseRow } from "../../../../common/policy.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { RecordDrawer } from "../../../components/RecordDrawer";
import { isApiError } from "../../../lib/api";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { useClause, useDeleteClause } from "../api/clauses.api";
import { ValidityText } from "./ClauseColumns";
import { ClauseForm } from "./ClauseForm";
import { ClauseMatches } from "./ClauseMatches";
import { FairReviewAlert, FairReviewTag } from "./PolicyBits";

const Facts = ({ c }: { c: ClauseRow }) => {
  const { t } = useTranslation("policies");
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
      <Descriptions.Item label={t("field.policyName")} span="filled">
        {c.policyName}
      </Descriptions.Item>
      <Descriptions.Item label={t("field.docNo")}>{c.docNo ?? "—"}</Descriptions.Item>
      <Descriptions.Item label={t("field.clauseNo")}>{c.clauseNo ?? "—"}</Descriptions.Item>
      <Descriptions.Item label={t("clause.conditionWords")} span="filled">
        <Typography.Text strong data-testid="clause-condition">
          {c.conditionText}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t("field.amountRule")}>
        <Typography.Text strong>{c.amountText}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t("field.period")}>{t(`period.${c.period}`)}</Descriptions.Item>
      <Descriptions.Item label={t("field.validity")}>
        <ValidityText c={c} />
      </Descriptions.Item>
      <Descriptions.Item label={t("field.department")}>{c.departmentName ?? "—"}</Descriptions.Item>
      <Descriptions.Item label={t("field.steps")} span="filled">
        {c.steps.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list, never reordered; names may repeat
          <Tag key={`${i}:${s}`}>
            {i + 1}. {s}
          </Tag>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={t("field.region")}>{c.regionName}</Descriptions.Item>
      <Descriptions.Item label={t("field.active")}>
        {c.active ? <Tag color="green">{t("field.activeOn")}</Tag> : <Tag>{t("field.activeOff")}</Tag>}
      </Descriptions.Item>
      {c.content && (
        <Descriptions.Item label={t("field.content")} span="filled">
          <span style={{ whiteSpace: "pre-wrap" }}>{c.content}</span>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
};

/** 条款详情: the clause, its condition in words, and the firms that meet it now. */
export const ClausePage = () => {
  const { t } = useTranslation("policies");
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const canManage = usePermission("policy.manage");
  const { data: c, error, isLoading, refetch } = useClause(id);
  const remove = useDeleteClause();
  const [editing, setEditing] = useState(false);

  const back = (
    <Link to="/policies" style={{ display: "inline-block", marginBottom: 12 }}>
      <ArrowLeftOutlined /> {t("clause.back")}
    </Link>
  );
  if (isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!c) {
    const missing = isApiError(error) && (error.status === 404 || error.status === 400);
    return missing ? (
      <Result status="404" title={t("clause.notFound")} extra={back} />
    ) : (
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
    );
  }

  return (
    <>
      {back}
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="flex-start" wrap gap={16}>
          <Flex vertical gap={8} style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {c.name}
            </Typography.Title>
            <Flex gap={8} wrap align="center">
              <Typography.Text type="secondary">
                {[c.policyName, c.docNo, c.clauseNo].filter(Boolean).join(" · ")}
              </Typography.Text>
              {c.fairReview && <FairReviewTag note={c.fairReviewNote} />}
              {!c.active && <Tag>{t("clause.inactive")}</Tag>}
            </Flex>
          </Flex>
          {canManage && (
            <Flex gap={8} wrap>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t("clauses.edit")}
              </Button>
              <Popconfirm
                title={t("clause.deleteConfirm", { name: c.name })}
                description={t("clause.deleteHint")}
                okButtonProps={{ danger: true, loading: remove.isPending }}
                onConfirm={() =>
                  remove.mutate(
                    { id: c.id, version: c.version },
                    {
                      onSuccess: () => {
                        feedback.success(t("clauses.deleted", { name: c.name }));
                        navigate("/policies");
                      },
                      onError: feedback.error,
                    },
                  )
                }
              >
                <Button danger icon={<DeleteOutlined />}>
                  {t("clause.delete")}
                </Button>
              </Popconfirm>
            </Flex>
          )}
        </Flex>
      </Card>
      {c.fairReview && <FairReviewAlert note={c.fairReviewNote} />}
      <Card title={t("clause.facts")} style={{ marginBottom: 16 }}>
        <Facts c={c} />
      </Card>
      <ClauseMatches clause={c} />
      <RecordDrawer
        open={editing}
        title={t("clauses.edit")}
        onClose={() => setEditing(false)}
        subjectType="policy"
        subjectId={c.id}
        size={820}
      >
        <ClauseForm
          record={c}
          onCancel={() => setEditing(false)}
          onReload={() => void refetch()}
          onDone={(saved) => {
            feedback.success(t("clauses.saved", { name: saved.name }));
            setEditing(false);
          }}
        />
      </RecordDrawer>
    </>
  );
};
