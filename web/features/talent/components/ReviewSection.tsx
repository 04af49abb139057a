import { Button, Card, Empty, Flex, Form, Input, InputNumber, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  conclusionLabels,
  type Panelist,
  type ReviewRow,
  reviewConclusions,
} from "../../../../common/review.schema";
import { apiPost } from "../../../lib/api";
import { usePermission } from "../../../lib/current-user";
import { useReviews, useWrite } from "../api/talent.api";
import { FormModal } from "./FormModal";

type Modal =
  | { kind: "draw" }
  | { kind: "score"; review: ReviewRow; seat: Panelist }
  | { kind: "conclude"; review: ReviewRow }
  | null;

/** 专家评审 of a talent project, through the shared review machinery (subject talent_project). */
export const ReviewSection = ({
  projectId,
  projectName,
  canDraw,
}: {
  projectId: string;
  projectName: string;
  canDraw: boolean;
}) => {
  const { t } = useTranslation("talent");
  const manages = usePermission("review.manage");
  const { data } = useReviews(projectId);
  const [modal, setModal] = useState<Modal>(null);
  const write = useWrite((v: { path: string; body: unknown }) => apiPost<ReviewRow>(v.path, v.body));
  const reviews = data ?? [];
  const drawButton =
    manages && canDraw && !reviews.some((r) => r.status === "open") ? (
      <Button onClick={() => setModal({ kind: "draw" })}>{t("projects.draw")}</Button>
    ) : null;
  return (
    <Card title={t("projects.reviewTitle")} extra={reviews.length > 0 && drawButton} size="small">
      {reviews.length === 0 ? (
        <Empty description={t("projects.noReview")}>{drawButton}</Empty>
      ) : (
        reviews.map((r) => (
          <div key={r.id} style={{ marginBottom: 16 }}>
            <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
              <Typography.Text strong>
                {r.title}{" "}
                {r.status === "concluded" ? (
                  <Tag color={r.conclusion === "fail" ? "error" : "success"}>
                    {t("projects.conclusion")}：{conclusionLabels[r.conclusion!]}（{t("projects.average")}{" "}
                    {r.averageScore}）
                  </Tag>
                ) : (
                  <Tag color="processing">评审中</Tag>
                )}
              </Typography.Text>
              {manages && r.status === "open" && (
                <Button type="primary" size="small" onClick={() => setModal({ kind: "conclude", review: r })}>
                  {t("projects.conclude")}
                </Button>
              )}
            </Flex>
            <Table<Panelist>
              rowKey="expertId"
              size="small"
              pagination={false}
              dataSource={r.panel}
              columns={[
                { title: "专家", dataIndex: "expertName" },
                { title: "单位", dataIndex: "organization", render: (v) => v ?? "—" },
                { title: "得分", dataIndex: "total", render: (v: number | null) => v ?? "—" },
                {
                  title: t("field.status"),
                  key: "s",
                  render: (_, p) =>
                    p.submittedAt ? (
                      <Tag color="success">{t("projects.submitted")}</Tag>
                    ) : (
                      <Tag>{t("projects.pending")}</Tag>
                    ),
                },
                {
                  title: "",
                  key: "a",
                  render: (_, p) =>
                    manages && r.status === "open" ? (
                      <Button size="small" onClick={() => setModal({ kind: "score", review: r, seat: p })}>
                        {t("projects.enterScores")}
                      </Button>
                    ) : null,
                },
              ]}
            />
          </div>
        ))
      )}
      {modal?.kind === "draw" && (
        <FormModal<{ title: string; panelSize: number }>
          title={t("projects.draw")}
          initialValues={{ title: `${projectName} 评审`, panelSize: 1 }}
          done={t("projects.drawn")}
          onClose={() => setModal(null)}
          onSubmit={(v) =>
            write.mutateAsync({
              path: "/reviews",
              body: { subjectType: "talent_project", subjectId: projectId, ...v },
            })
          }
        >
          {() => (
            <>
              <Form.Item
                name="title"
                label={t("projects.drawTitle")}
                rules={[{ required: true, min: 2, message: "请填写评审名称" }]}
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item
                name="panelSize"
                label={t("projects.panelSize")}
                rules={[{ required: true, message: "请填写专家人数" }]}
              >
                <InputNumber min={1} max={15} />
              </Form.Item>
            </>
          )}
        </FormModal>
      )}
      {modal?.kind === "score" && (
        <FormModal<Record<string, number>>
          title={t("projects.scoreOf", { name: modal.seat.expertName })}
          initialValues={modal.seat.scores ?? {}}
          done={t("projects.scored")}
          onClose={() => setModal(null)}
          onSubmit={(v) =>
            write.mutateAsync({
              path: `/reviews/${modal.review.id}/scores`,
              body: { expertId: modal.seat.expertId, scores: v },
            })
          }
        >
          {() =>
            modal.review.criteria.map((c) => (
              <Form.Item
                key={c.key}
                name={c.key}
                label={`${c.name}（满分 ${c.max}，权重 ${c.weight}）`}
                rules={[{ required: true, message: `请为「${c.name}」打分` }]}
              >
                <InputNumber min={0} max={c.max} style={{ width: 160 }} />
              </Form.Item>
            ))
          }
        </FormModal>
      )}
      {modal?.kind === "conclude" && (
        <FormModal<{ conclusion: string; note?: string }>
          title={t("projects.conclude")}
          initialValues={{ conclusion: "pass" }}
          done={t("projects.concluded")}
          onClose={() => setModal(null)}
          onSubmit={(v) =>
            write.mutateAsync({
              path: `/reviews/${modal.review.id}/conclusion`,
              body: { ...v, note: v.note || undefined, version: modal.review.version },
            })
          }
        >
          {() => (
            <>
              <Form.Item name="conclusion" label={t("projects.conclusion")} rules={[{ required: true }]}>
                <Select options={reviewConclusions.map((c) => ({ value: c, label: conclusionLabels[c] }))} />
              </Form.Item>
              <Form.Item name="note" label={t("field.note")}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          )}
        </FormModal>
      )}
    </Card>
  );
};
