import { Button, Descriptions, Drawer, Empty, Flex, Result, Skeleton, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ProblemEvent, ProblemEventKind, ProblemRow } from "../../../../common/problem.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { isApiError } from "../../../lib/api";
import { useCurrentUser } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { formatDate, formatDateTime } from "../../../lib/format";
import { type ProblemAction, useProblem, useProblemEvents } from "../api/problems.api";
import { ActionModal } from "./ActionModal";
import { CategoryTag, DueCell, handlesFor, StatusTag } from "./ProblemBits";
import { ProblemForm } from "./ProblemForm";

const eventColor: Record<ProblemEventKind, string> = {
  raised: "gray",
  assigned: "blue",
  transferred: "orange",
  replied: "blue",
  resolved: "green",
  closed: "green",
  reopened: "red",
  discussed: "purple",
  escalated: "red",
};

const EventLine = ({ e }: { e: ProblemEvent }) => {
  const { t } = useTranslation("problems");
  const where =
    e.kind === "transferred" && e.fromDepartmentName
      ? t("detail.from", { from: e.fromDepartmentName, to: e.departmentName })
      : e.kind === "assigned" || e.kind === "transferred"
        ? t("detail.to", { to: e.departmentName })
        : null;
  return (
    <Flex vertical gap={2}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{t(`event.${e.kind}`)}</Typography.Text>
        {where && <Typography.Text>{where}</Typography.Text>}
        {e.dueOn && (
          <Typography.Text type="secondary">{t("detail.due", { due: formatDate(e.dueOn) })}</Typography.Text>
        )}
        {e.meetingTitle && e.meetingId && (
          <Link to={`/meetings/${e.meetingId}`}>
            <Tag color="purple">{t("detail.meeting", { title: e.meetingTitle })}</Tag>
          </Link>
        )}
      </Flex>
      {e.text && <Typography.Text style={{ whiteSpace: "pre-wrap" }}>{e.text}</Typography.Text>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {e.actorName ?? t("detail.system")} · {formatDateTime(e.at)}
      </Typography.Text>
    </Flex>
  );
};

/** The buttons the signed-in user may press on this problem, as the server would allow them. */
const useActions = (p: ProblemRow | undefined): ProblemAction[] => {
  const me = useCurrentUser();
  if (!p) return [];
  const officer = me.permissions.includes("problem.write");
  const handler = handlesFor(me, p.departmentId);
  const open = p.status === "open" || p.status === "in_progress";
  const out: ProblemAction[] = [];
  if (handler && open) out.push("reply", "resolve");
  if (officer && open) out.push("assign");
  if (officer && p.status === "resolved") out.push("close");
  if (officer && !open) out.push("reopen");
  return out;
};

interface Props {
  id: string | null;
  onClose: () => void;
}

/** A problem with its timeline, and the actions the user may take on it. */
export const ProblemDrawer = ({ id, onClose }: Props) => {
  const { t } = useTranslation("problems");
  const feedback = useFeedback();
  const me = useCurrentUser();
  const { data: p, error, isLoading, refetch } = useProblem(id);
  const events = useProblemEvents(id);
  const [action, setAction] = useState<ProblemAction | null>(null);
  const [editing, setEditing] = useState(false);
  const actions = useActions(p);
  const canEdit = me.permissions.includes("problem.write") && p !== undefined && p.status !== "closed";

  const body = () => {
    if (isLoading) return <Skeleton active />;
    if (!p) {
      const missing = isApiError(error) && (error.status === 404 || error.status === 400);
      return missing ? (
        <Result status="404" title={t("detail.notFound")} />
      ) : (
        <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      );
    }
    if (editing) {
      return (
        <ProblemForm
          key={`${p.id}:${p.version}`}
          record={p}
          onCancel={() => setEditing(false)}
          onReload={() => void refetch()}
          onDone={(saved) => {
            feedback.success(t("list.saved", { title: saved.title }));
            setEditing(false);
          }}
        />
      );
    }
    const label = (a: ProblemAction) =>
      a === "assign" && p.departmentId ? t("action.transfer") : t(`action.${a}`);
    return (
      <Flex vertical gap={16}>
        <Flex gap={8} wrap>
          {actions.map((a, i) => (
            <Button
              key={a}
              type={i === 0 ? "primary" : "default"}
              danger={a === "reopen"}
              onClick={() => setAction(a)}
            >
              {label(a)}
            </Button>
          ))}
          {canEdit && <Button onClick={() => setEditing(true)}>{t("action.edit")}</Button>}
        </Flex>
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label={t("field.project")} span={2}>
            <Link to={`/projects/${p.subjectId}`}>{p.subjectName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t("field.status")}>
            <Flex gap={6}>
              <StatusTag status={p.status} />
              {p.escalated && <Tag color="red">{t("field.escalated")}</Tag>}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t("field.category")}>
            <CategoryTag category={p.category} />
          </Descriptions.Item>
          <Descriptions.Item label={t("field.department")}>
            {p.departmentName ?? t("list.unassigned")}
          </Descriptions.Item>
          <Descriptions.Item label={t("field.dueOn")}>
            <DueCell p={p} />
          </Descriptions.Item>
          <Descriptions.Item label={t("field.raisedOn")}>{formatDate(p.raisedOn)}</Descriptions.Item>
          <Descriptions.Item label={t("field.raisedBy")}>{p.raisedByName}</Descriptions.Item>
          {p.deadlineWorkdays !== null && (
            <Descriptions.Item label={t("field.deadline")} span={2}>
              {p.deadlineWorkdays} {t("field.deadlineUnit")}（{t("field.assignedOn")}{" "}
              {formatDate(p.assignedOn)}）
            </Descriptions.Item>
          )}
          {p.detail && (
            <Descriptions.Item label={t("field.detail")} span={2}>
              <span style={{ whiteSpace: "pre-wrap" }}>{p.detail}</span>
            </Descriptions.Item>
          )}
          {p.resolution && (
            <Descriptions.Item label={t("field.resolution")} span={2}>
              {p.resolution}（{formatDate(p.resolvedOn)}）
            </Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("detail.timeline")}
        </Typography.Title>
        {events.isLoading ? (
          <Skeleton active />
        ) : (events.data ?? []).length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("detail.noEvents")} />
        ) : (
          <Timeline
            data-testid="problem-timeline"
            items={(events.data ?? []).map((e) => ({
              key: e.id,
              color: eventColor[e.kind],
              content: <EventLine e={e} />,
            }))}
          />
        )}
      </Flex>
    );
  };

  return (
    <Drawer
      open={id !== null}
      title={p?.title ?? t("list.title")}
      onClose={() => {
        setEditing(false);
        onClose();
      }}
      size={680}
      destroyOnHidden
    >
      {body()}
      {p && action && <ActionModal problem={p} action={action} onClose={() => setAction(null)} />}
    </Drawer>
  );
};
