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
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type { AppealDetail } from "../../../../common/appeal.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { isApiError } from "../../../lib/api";
import { usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { formatDate } from "../../../lib/format";
import { useAppeal } from "../api/appeals.api";
import { ActionModal, type AppealAction, isAppealAction, offeredActions } from "./ActionModal";
import { CategoryTag, DueCell, RatingStars, StatusCell } from "./AppealBits";
import { AppealTimeline } from "./AppealTimeline";

const Facts = ({ a }: { a: AppealDetail }) => {
  const { t } = useTranslation("appeals");
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
      <Descriptions.Item label={t("field.enterprise")} span={2}>
        <Link to={`/enterprises/${a.enterpriseId}`}>{a.enterpriseName}</Link>
        {a.parkName && <Typography.Text type="secondary">（{a.parkName}）</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label={t("field.status")}>
        <StatusCell a={a} />
      </Descriptions.Item>
      <Descriptions.Item label={t("field.category")}>
        <CategoryTag category={a.category} />
      </Descriptions.Item>
      <Descriptions.Item label={t("field.department")}>
        {a.departmentName ?? <Typography.Text type="secondary">{t("list.unrouted")}</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label={t("field.dueOn")}>
        <DueCell a={a} />
      </Descriptions.Item>
      {a.deadlineWorkdays !== null && (
        <Descriptions.Item label={t("field.deadline")} span={2}>
          {t("detail.deadline", { n: a.deadlineWorkdays, on: formatDate(a.routedOn) })}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t("field.raisedOn")}>{formatDate(a.raisedOn)}</Descriptions.Item>
      <Descriptions.Item label={t("field.raisedBy")}>
        {a.raisedByName}
        {a.byEnterprise && (
          <Tag color="purple" style={{ marginInlineStart: 6 }}>
            {t("field.byEnterprise")}
          </Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t("field.detail")} span={2}>
        <span style={{ whiteSpace: "pre-wrap" }}>{a.detail || "—"}</span>
      </Descriptions.Item>
      {a.resolution && (
        <Descriptions.Item label={t("field.resolution")} span={2}>
          <span style={{ whiteSpace: "pre-wrap" }}>{a.resolution}</span>
          {a.resolvedOn && <Typography.Text type="secondary">（{formatDate(a.resolvedOn)}）</Typography.Text>}
        </Descriptions.Item>
      )}
      {a.status === "closed" && (
        <Descriptions.Item label={t("field.rating")} span={2}>
          <Flex vertical gap={4}>
            <RatingStars rating={a.rating} />
            {a.ratingComment && <Typography.Text>{a.ratingComment}</Typography.Text>}
          </Flex>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
};

/** 诉求详情: the appeal, its firm and department, the timeline, and the buttons the server allows. */
export const AppealPage = () => {
  const { t } = useTranslation("appeals");
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const { AuditTrail } = useExtensions();
  const canAudit = usePermission("audit.read");
  const { data: a, error, isLoading, refetch } = useAppeal(id);
  const [action, setAction] = useState<AppealAction | null>(null);

  // A link (the home page, a notification, the list's 确认并评价) may ask for an action: ?do=confirm.
  const asked = params.get("do");
  useEffect(() => {
    if (!a || !isAppealAction(asked)) return;
    if (offeredActions(a).includes(asked)) setAction(asked);
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete("do");
        return next;
      },
      { replace: true },
    );
  }, [a, asked, setParams]);

  const back = (
    <Link to="/appeals" style={{ display: "inline-block", marginBottom: 12 }}>
      <ArrowLeftOutlined /> {t("detail.back")}
    </Link>
  );
  if (isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!a) {
    const missing = isApiError(error) && (error.status === 404 || error.status === 400);
    return missing ? (
      <Result status="404" title={t("detail.notFound")} extra={back} />
    ) : (
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
    );
  }

  const offered = offeredActions(a);
  const toConfirm = a.can.confirm || (a.status === "resolved" && a.can.reopen);
  const buttons = offered.map((x, i) => (
    <Button
      key={x}
      type={i === 0 ? "primary" : "default"}
      danger={x === "reopen"}
      onClick={() => setAction(x)}
    >
      {t(`action.${x}`)}
    </Button>
  ));

  return (
    <>
      {back}
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="flex-start" wrap gap={16}>
          <Flex vertical gap={8} style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {a.title}
            </Typography.Title>
            <Flex gap={8} wrap align="center">
              <Typography.Text type="secondary" copyable>
                {a.code}
              </Typography.Text>
              <StatusCell a={a} />
              <CategoryTag category={a.category} />
              <Link to={`/enterprises/${a.enterpriseId}`}>{a.enterpriseName}</Link>
            </Flex>
          </Flex>
          {!toConfirm && buttons.length > 0 && (
            <Flex gap={8} wrap>
              {buttons}
            </Flex>
          )}
        </Flex>
      </Card>
      {toConfirm && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("detail.toConfirm", { department: a.departmentName ?? "" })}
          description={t("detail.toConfirmHint")}
          action={
            <Flex gap={8} wrap>
              {buttons}
            </Flex>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t("detail.facts")}>
            <Facts a={a} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card>
            <Tabs
              items={[
                {
                  key: "timeline",
                  label: t("detail.timeline"),
                  children: <AppealTimeline events={a.events} />,
                },
                ...(canAudit
                  ? [
                      {
                        key: "trail",
                        label: t("detail.trail"),
                        children: <AuditTrail subjectType="appeal" subjectId={a.id} />,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
      {action && (
        <ActionModal
          appeal={a}
          action={action}
          onClose={() => setAction(null)}
          onStale={() => void refetch()}
        />
      )}
    </>
  );
};
