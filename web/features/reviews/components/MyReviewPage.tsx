import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Descriptions, Flex, Form, Result, Row, Skeleton, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { ReviewRow } from "../../../../common/review.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { type FieldIssue, isApiError } from "../../../lib/api";
import { useFeedback } from "../../../lib/feedback";
import { formatMoney } from "../../../lib/format";
import { applyServerErrors } from "../../../lib/forms";
import { useReview, useReviewedProject, useSubmitScores } from "../api/reviews.api";
import { formatScore } from "../score";
import { PanelTable } from "./PanelTable";
import { ConclusionTag, ReviewStatusTag } from "./ReviewBits";
import { ScoreFields, type ScoreValues, scoreBodyOf, scoreValuesOf } from "./ScoreFields";
import { useMyState } from "./useMyState";

/** The project under review, as much as the panel needs: who invests, how much, and what it is. */
const ProjectCard = ({ review }: { review: ReviewRow }) => {
  const { t } = useTranslation("reviews");
  const { data: p, isLoading } = useReviewedProject(
    review.subjectType === "project" ? review.subjectId : null,
  );
  return (
    <Card title={t("mine.project")} size="small" style={{ marginBottom: 16 }}>
      {isLoading ? (
        <Skeleton active />
      ) : p ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="project-name">
            {p.name}
          </Typography.Title>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: "investor", label: t("mine.investor"), children: p.investorName },
              { key: "park", label: t("mine.park"), children: p.parkName ?? p.regionName },
              ...(p.totalInvestmentFen
                ? [
                    {
                      key: "investment",
                      label: t("mine.investment"),
                      children: formatMoney(p.totalInvestmentFen),
                    },
                  ]
                : []),
            ]}
          />
          <Typography.Paragraph
            style={{ marginTop: 12, whiteSpace: "pre-wrap" }}
            data-testid="project-summary"
          >
            {p.summary || <Typography.Text type="secondary">{t("mine.noSummary")}</Typography.Text>}
          </Typography.Paragraph>
          <Link to={`/projects/${p.id}`}>{t("mine.openProject")}</Link>
        </>
      ) : (
        <Typography.Text>{review.subjectLabel}</Typography.Text>
      )}
    </Card>
  );
};

/** The expert's score sheet: one number per criterion; submitting again replaces it until the conclusion. */
const ScoreSheet = ({ review }: { review: ReviewRow }) => {
  const { t } = useTranslation("reviews");
  const feedback = useFeedback();
  const stateOf = useMyState();
  const { seat, state } = stateOf(review);
  const [form] = Form.useForm<ScoreValues>();
  const submit = useSubmitScores(review.id);
  const [editing, setEditing] = useState(state === "toScore");
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);

  const onFinish = async (v: ScoreValues) => {
    setError(null);
    setExtra([]);
    try {
      await submit.mutateAsync(scoreBodyOf(review.criteria, v));
      feedback.success(t("mine.submitted"));
      setEditing(false);
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  if (state === "concluded") {
    return (
      <Card title={t("mine.sheet")} size="small">
        <Alert type="info" showIcon title={t("mine.readOnly")} style={{ marginBottom: 16 }} />
        <PanelTable review={review} highlight={seat?.expertId} />
      </Card>
    );
  }
  if (!editing && seat?.submittedAt) {
    return (
      <Card title={t("mine.sheet")} size="small">
        <Result
          status="success"
          title={
            <span data-testid="my-total">{t("mine.yourTotal", { total: formatScore(seat.total) })}</span>
          }
          subTitle={t("mine.yourTotalHint")}
          extra={<Button onClick={() => setEditing(true)}>{t("mine.modify")}</Button>}
        />
        <PanelTable review={{ ...review, panel: [seat] }} highlight={seat.expertId} />
      </Card>
    );
  }
  return (
    <Card title={t("mine.sheet")} size="small">
      <Typography.Paragraph type="secondary">{t("mine.sheetHint")}</Typography.Paragraph>
      <Form<ScoreValues>
        form={form}
        layout="vertical"
        initialValues={scoreValuesOf(review.criteria, seat)}
        onFinish={onFinish}
      >
        <ApiErrorAlert error={error} extraIssues={extra} />
        <ScoreFields criteria={review.criteria} />
        <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
          {seat?.submittedAt && (
            <Button onClick={() => setEditing(false)}>{t("common:action.cancel")}</Button>
          )}
          <Button type="primary" htmlType="submit" loading={submit.isPending}>
            {t("mine.submit")}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
};

/** 评分 page of one review: the project on the left, the score sheet on the right. */
export const MyReviewPage = () => {
  const { t } = useTranslation("reviews");
  const { id = "" } = useParams();
  const { data: r, isLoading, error, refetch } = useReview(id);
  if (isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!r) {
    const missing = isApiError(error) && (error.status === 404 || error.status === 400);
    return missing ? (
      <Result
        status="404"
        title={t("mine.notFound")}
        extra={
          <Link to="/reviews/mine">
            <Button type="primary">{t("mine.back")}</Button>
          </Link>
        }
      />
    ) : (
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
    );
  }
  return (
    <>
      <Link to="/reviews/mine" style={{ display: "inline-block", marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t("mine.back")}
      </Link>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {r.title}
        </Typography.Title>
        <ReviewStatusTag status={r.status} />
        <ConclusionTag conclusion={r.conclusion} />
      </Flex>
      {r.status === "concluded" && (
        <Alert
          type={r.conclusion === "fail" ? "warning" : "success"}
          showIcon
          style={{ marginBottom: 16 }}
          title={t("mine.concludedAlert", {
            conclusion: t(`conclusion.${r.conclusion}`),
            average: formatScore(r.averageScore),
          })}
          description={r.conclusionNote ?? undefined}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <ProjectCard review={r} />
        </Col>
        <Col xs={24} lg={14}>
          <ScoreSheet key={`${r.id}:${r.status}`} review={r} />
        </Col>
      </Row>
    </>
  );
};
