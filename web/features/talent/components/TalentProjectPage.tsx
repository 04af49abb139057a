import { ArrowLeftOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Select,
  Skeleton,
  Space,
  Steps,
  Tabs,
  Tag,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type { TalentProjectRow } from "../../../../common/talent.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { RecordDrawer } from "../../../components/RecordDrawer";
import { apiPost } from "../../../lib/api";
import { usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { formatWan } from "../../../lib/format";
import { useProgrammes, useTalentProject, useWrite } from "../api/talent.api";
import { ApplyForm } from "./ApplyForm";
import { FormModal } from "./FormModal";
import { ReviewSection } from "./ReviewSection";
import { RewardsSection } from "./RewardsSection";
import { statusColors } from "./TalentProjectsPage";

const steps = ["applied", "screening", "reviewing", "recognised"] as const;

/** A talent project: its flow, the expert review, recognition at a level and its rewards. */
export const TalentProjectPage = () => {
  const { id = "" } = useParams();
  const { t } = useTranslation("talent");
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const { AuditTrail } = useExtensions();
  const canManage = usePermission("talent.manage");
  const { data: p, error, refetch, isLoading } = useTalentProject(id);
  const programmes = useProgrammes();
  const [modal, setModal] = useState<"reject" | "recognise" | null>(null);
  const [editing, setEditing] = useState(false);
  const write = useWrite((v: { path: string; body: unknown }) => apiPost<TalentProjectRow>(v.path, v.body));
  if (isLoading) return <Skeleton active />;
  if (!p) return <ApiErrorAlert error={error} onRetry={() => void refetch()} />;
  const levels = programmes.data?.items.find((x) => x.id === p.programmeId)?.levels ?? [];
  const move = (to: string) =>
    write.mutate(
      { path: `/talent-projects/${p.id}/move`, body: { to, version: p.version } },
      { onSuccess: () => feedback.success(t("projects.moved")), onError: feedback.error },
    );
  // Recognised: every step done; rejected: the step it stopped at is marked as failed.
  const current =
    p.status === "recognised"
      ? steps.length
      : p.status === "rejected"
        ? -1
        : steps.indexOf(p.status as (typeof steps)[number]);
  const actions = canManage && (
    <Space wrap>
      {p.status === "applied" && (
        <Button type="primary" onClick={() => move("screening")}>
          {t("projects.toScreening")}
        </Button>
      )}
      {p.status === "screening" && (
        <Button type="primary" onClick={() => move("reviewing")}>
          {t("projects.toReviewing")}
        </Button>
      )}
      {p.status === "reviewing" && (
        <Button type="primary" onClick={() => setModal("recognise")}>
          {t("projects.recognise")}
        </Button>
      )}
      {["applied", "screening", "reviewing"].includes(p.status) && (
        <>
          <Button danger onClick={() => setModal("reject")}>
            {t("projects.reject")}
          </Button>
          <Button onClick={() => setEditing(true)}>{tc("action.edit")}</Button>
        </>
      )}
    </Space>
  );
  return (
    <>
      <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/talent/projects")}>
          {t("projects.back")}
        </Button>
        <h2 style={{ margin: 0 }}>{p.name}</h2>
        <Tag color={statusColors[p.status]}>{t(`status.${p.status}`)}</Tag>
        <span style={{ flex: 1 }} />
        {actions}
      </Flex>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={current}
          status={p.status === "rejected" ? "error" : undefined}
          items={steps.map((s) => ({ title: t(`status.${s}`) }))}
        />
      </Card>
      <Tabs
        items={[
          {
            key: "basic",
            label: tc("field.basic"),
            children: (
              <Flex vertical gap={16}>
                <Card size="small">
                  <Descriptions
                    size="small"
                    column={3}
                    items={[
                      { label: t("field.talent"), children: p.talentName },
                      { label: t("field.enterprise"), children: p.enterpriseName ?? "—" },
                      { label: t("field.park"), children: p.parkName },
                      { label: t("field.programme"), children: p.programmeName },
                      { label: t("field.round"), children: p.roundName },
                      { label: t("field.field"), children: p.field ?? "—" },
                      { label: t("field.levelApplied"), children: p.levelApplied },
                      { label: t("field.levelRecognised"), children: p.levelRecognised ?? "—" },
                      { label: t("field.appliedOn"), children: p.appliedOn },
                      { label: t("field.recognisedOn"), children: p.recognisedOn ?? "—" },
                      { label: t("field.cap"), children: p.capFen === null ? "—" : formatWan(p.capFen) },
                      { label: t("field.paid"), children: formatWan(p.paidFen) },
                      { label: t("field.note"), children: p.note ?? "—", span: 3 },
                    ]}
                  />
                </Card>
                <ReviewSection projectId={p.id} projectName={p.name} canDraw={p.status === "reviewing"} />
                <RewardsSection project={p} />
              </Flex>
            ),
          },
          {
            key: "trail",
            label: t("projects.trail"),
            children: <AuditTrail subjectType="talent_project" subjectId={p.id} />,
          },
        ]}
      />
      {modal === "reject" && (
        <FormModal<{ note: string }>
          title={t("projects.reject")}
          done={t("projects.moved")}
          onClose={() => setModal(null)}
          onSubmit={(v) =>
            write.mutateAsync({
              path: `/talent-projects/${p.id}/move`,
              body: { to: "rejected", note: v.note, version: p.version },
            })
          }
        >
          {() => (
            <Form.Item
              name="note"
              label={t("projects.rejectReason")}
              rules={[{ required: true, message: "未通过须写明原因" }]}
            >
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          )}
        </FormModal>
      )}
      {modal === "recognise" && (
        <FormModal<{ level: string }>
          title={t("projects.recognise")}
          initialValues={{ level: p.levelApplied }}
          done={t("projects.moved")}
          onClose={() => setModal(null)}
          onSubmit={(v) =>
            write.mutateAsync({
              path: `/talent-projects/${p.id}/recognise`,
              body: { level: v.level, version: p.version },
            })
          }
        >
          {() => (
            <Form.Item
              name="level"
              label={t("projects.recogniseLevel")}
              rules={[{ required: true, message: "请选择认定等级" }]}
            >
              <Select
                options={levels.map((l) => ({
                  value: l.code,
                  label: `${l.code} · ${l.name}（上限 ${formatWan(l.capFen)}）`,
                }))}
              />
            </Form.Item>
          )}
        </FormModal>
      )}
      <RecordDrawer
        open={editing}
        title={p.name}
        onClose={() => setEditing(false)}
        subjectType="talent_project"
        subjectId={p.id}
        size={720}
      >
        <ApplyForm
          key={p.version}
          record={p}
          onCancel={() => setEditing(false)}
          onReload={() => void refetch()}
          onDone={() => {
            feedback.success(t("talents.saved"));
            setEditing(false);
          }}
        />
      </RecordDrawer>
    </>
  );
};
