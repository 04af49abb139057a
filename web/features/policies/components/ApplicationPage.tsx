import { ArrowLeftOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Result,
  Row,
  Skeleton,
  Statistic,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { ApplicationDetail } from "../../../../common/policy.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { FileLinks } from "../../../components/FileField";
import { isApiError } from "../../../lib/api";
import { usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { formatDate, formatWan } from "../../../lib/format";
import { useApplication } from "../api/applications.api";
import { useClause } from "../api/clauses.api";
import { StatusCell } from "./ApplicationColumns";
import { ApplicationSteps, ApplicationTimeline, PayoutsTable } from "./ApplicationHistory";
import { DecideModal, type Decision } from "./DecideModal";
import { leftToPay, PayoutModal } from "./PayoutModal";
import { FairReviewAlert, FairReviewTag } from "./PolicyBits";

const Facts = ({ a }: { a: ApplicationDetail }) => {
  const { t } = useTranslation("policies");
  return (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      size="small"
      bordered
      styles={{ label: { whiteSpace: "nowrap" } }}
    >
      <Descriptions.Item label={t("field.enterprise")} span="filled">
        <Link to={`/enterprises/${a.enterpriseId}`}>{a.enterpriseName}</Link>
        {a.parkName && <Typography.Text type="secondary">（{a.parkName}）</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label={t("field.clause")} span="filled">
        <Link to={`/policies/${a.clauseId}`}>{a.clauseName}</Link>
        <Typography.Text type="secondary">（{a.policyName}）</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t("field.year")}>
        {a.period === "once" ? t("apps.once") : a.period}
      </Descriptions.Item>
      <Descriptions.Item label={t("field.statusCol")}>
        <StatusCell a={a} />
      </Descriptions.Item>
      <Descriptions.Item label={t("field.appliedOn")}>{formatDate(a.appliedOn)}</Descriptions.Item>
      <Descriptions.Item label={t("field.appliedBy")}>{a.appliedByName ?? "—"}</Descriptions.Item>
      <Descriptions.Item label={t("field.note")} span="filled">
        <span style={{ whiteSpace: "pre-wrap" }}>{a.note || "—"}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t("field.files")} span="filled">
        {a.fileIds.length > 0 ? <FileLinks ids={a.fileIds} /> : "—"}
      </Descriptions.Item>
    </Descriptions>
  );
};

const Amounts = ({ a }: { a: ApplicationDetail }) => {
  const { t } = useTranslation("policies");
  const wan = (fen: number | null) => (fen === null ? "—" : formatWan(fen));
  return (
    <Flex gap={40} wrap>
      <Statistic title={t("field.claimed")} value={wan(a.claimedFen)} />
      <Statistic title={t("field.estimate")} value={wan(a.estimateFen)} />
      <Statistic title={t("field.approved")} value={wan(a.approvedFen)} />
      <Statistic
        title={t("field.paid")}
        value={a.paidFen > 0 ? wan(a.paidFen) : "—"}
        styles={{ content: { color: a.paidFen > 0 ? "#389e0d" : undefined } }}
      />
    </Flex>
  );
};

/** 兑现申请详情: the step bar, the amounts, the history and payouts, and the buttons `can` allows. */
export const ApplicationPage = () => {
  const { t } = useTranslation("policies");
  const { id = "" } = useParams();
  const { AuditTrail } = useExtensions();
  const canAudit = usePermission("audit.read");
  const { data: a, error, isLoading, refetch } = useApplication(id);
  // The review note of a flagged clause lives on the clause.
  const clause = useClause(a?.fairReview ? a.clauseId : "");
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [paying, setPaying] = useState(false);

  const back = (
    <Link to="/policies/applications" style={{ display: "inline-block", marginBottom: 12 }}>
      <ArrowLeftOutlined /> {t("app.back")}
    </Link>
  );
  if (isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!a) {
    const missing = isApiError(error) && (error.status === 404 || error.status === 400);
    return missing ? (
      <Result status="404" title={t("app.notFound")} extra={back} />
    ) : (
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
    );
  }
  const left = leftToPay(a);

  return (
    <>
      {back}
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="flex-start" wrap gap={16}>
          <Flex vertical gap={8} style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {a.clauseName}
            </Typography.Title>
            <Flex gap={8} wrap align="center">
              <Typography.Text type="secondary" copyable>
                {a.code}
              </Typography.Text>
              <StatusCell a={a} inline />
              {a.fairReview && <FairReviewTag note={clause.data?.fairReviewNote} />}
              {!a.eligible && <Tag color="orange">{t("apps.override")}</Tag>}
              <Link to={`/enterprises/${a.enterpriseId}`}>{a.enterpriseName}</Link>
            </Flex>
          </Flex>
          <Flex gap={8} wrap>
            {a.can.decide && (
              <>
                <Button type="primary" onClick={() => setDeciding("pass")}>
                  {t("app.pass")}
                </Button>
                <Button danger onClick={() => setDeciding("reject")}>
                  {t("app.reject")}
                </Button>
              </>
            )}
            {a.can.pay && (
              <Button type="primary" onClick={() => setPaying(true)}>
                {t("app.pay")}
              </Button>
            )}
          </Flex>
        </Flex>
      </Card>
      {a.fairReview && <FairReviewAlert note={clause.data?.fairReviewNote ?? null} onApplication />}
      {!a.eligible && a.overrideReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("app.ineligible", { reason: a.overrideReason })}
        />
      )}
      <Card title={t("app.progress")} style={{ marginBottom: 16 }}>
        <ApplicationSteps a={a} />
        <div style={{ marginTop: 24 }}>
          <Amounts a={a} />
        </div>
        {a.status === "approved" && left > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t("app.remaining", { amount: formatWan(left) })}
          </Typography.Paragraph>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t("app.facts")} style={{ marginBottom: 16 }}>
            <Facts a={a} />
          </Card>
          <Card title={t("app.payouts")}>
            <PayoutsTable payouts={a.payouts} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card>
            <Tabs
              items={[
                {
                  key: "timeline",
                  label: t("app.timeline"),
                  children: <ApplicationTimeline events={a.events} />,
                },
                ...(canAudit
                  ? [
                      {
                        key: "trail",
                        label: t("app.trail"),
                        children: <AuditTrail subjectType="policy_application" subjectId={a.id} />,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
      {deciding && (
        <DecideModal
          application={a}
          decision={deciding}
          onClose={() => setDeciding(null)}
          onStale={() => void refetch()}
        />
      )}
      {paying && (
        <PayoutModal application={a} onClose={() => setPaying(false)} onStale={() => void refetch()} />
      )}
    </>
  );
};
