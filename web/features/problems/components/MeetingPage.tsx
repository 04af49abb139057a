import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Result,
  Skeleton,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { MeetingItem } from "../../../../common/problem.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { isApiError } from "../../../lib/api";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { formatDate, formatDateCn } from "../../../lib/format";
import { useMeeting } from "../api/meetings.api";
import { MeetingForm } from "./MeetingForm";
import { MeetingItemModal } from "./MeetingItemModal";
import { kindColor, StatusTag } from "./ProblemBits";
import { ProblemDrawer } from "./ProblemDrawer";

/** 会议页: what the meeting was, the problems it discussed, its decisions and new assignments. */
export const MeetingPage = () => {
  const { t } = useTranslation("problems");
  const { id = "" } = useParams();
  const feedback = useFeedback();
  const canWrite = usePermission("meeting.write");
  const { data: m, isLoading, error, refetch } = useMeeting(id);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  if (isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!m) {
    const missing = isApiError(error) && (error.status === 404 || error.status === 400);
    return missing ? (
      <Result
        status="404"
        title={t("meeting.notFound")}
        extra={
          <Link to="/meetings">
            <Button type="primary">{t("meeting.back")}</Button>
          </Link>
        }
      />
    ) : (
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
    );
  }

  return (
    <>
      <Link to="/meetings" style={{ display: "inline-block", marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t("meeting.back")}
      </Link>
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="flex-start" wrap gap={16}>
          <Flex vertical gap={8}>
            <Flex gap={8} align="center">
              <Tag color={kindColor[m.kind]}>{t(`meeting.kind.${m.kind}`)}</Tag>
              <Typography.Text type="secondary">{formatDateCn(m.heldOn)}</Typography.Text>
            </Flex>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {m.title}
            </Typography.Title>
          </Flex>
          {canWrite && (
            <Flex gap={8}>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t("meeting.addItem")}
              </Button>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t("meeting.edit")}
              </Button>
            </Flex>
          )}
        </Flex>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t("meeting.chairedBy")}>{m.chairedBy ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("meeting.region")}>{m.regionName}</Descriptions.Item>
          <Descriptions.Item label={t("meeting.attendees")}>
            {m.attendees.join("、") || "—"}
          </Descriptions.Item>
        </Descriptions>
        {m.minutes && (
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginTop: 8, marginBottom: 0 }}>
            {m.minutes}
          </Typography.Paragraph>
        )}
      </Card>
      <Card title={`${t("meeting.items")}（${t("meeting.itemsTotal", { n: m.items.length })}）`}>
        <Table<MeetingItem>
          rowKey="id"
          dataSource={m.items}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("meeting.noItems")} />,
          }}
          columns={[
            {
              title: t("meeting.problem"),
              dataIndex: "problemTitle",
              width: 280,
              render: (v: string, it) => (
                <Flex vertical>
                  <Typography.Link onClick={() => setOpenId(it.problemId)}>{v}</Typography.Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {it.subjectName}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t("meeting.decision"),
              dataIndex: "decision",
              render: (v: string) => <span style={{ whiteSpace: "pre-wrap" }}>{v}</span>,
            },
            {
              title: t("meeting.newAssignment"),
              key: "assign",
              width: 230,
              render: (_, it) =>
                it.departmentName ? (
                  <Flex vertical>
                    <span>{it.departmentName}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {it.deadlineWorkdays} {t("field.deadlineUnit")} · {t("field.dueOn")}{" "}
                      {formatDate(it.dueOn)}
                    </Typography.Text>
                  </Flex>
                ) : (
                  "—"
                ),
            },
            {
              title: t("field.status"),
              dataIndex: "problemStatus",
              width: 100,
              render: (_, it) => <StatusTag status={it.problemStatus} />,
            },
          ]}
        />
      </Card>
      {adding && <MeetingItemModal meeting={m} onClose={() => setAdding(false)} />}
      <ProblemDrawer id={openId} onClose={() => setOpenId(null)} />
      <Drawer
        open={editing}
        title={t("meeting.edit")}
        onClose={() => setEditing(false)}
        size={640}
        destroyOnHidden
      >
        <MeetingForm
          key={`${m.id}:${m.version}`}
          record={m}
          onCancel={() => setEditing(false)}
          onReload={() => void refetch()}
          onDone={(saved) => {
            feedback.success(t("meeting.saved", { title: saved.title }));
            setEditing(false);
          }}
        />
      </Drawer>
    </>
  );
};
