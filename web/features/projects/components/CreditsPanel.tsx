import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Flex, Form, InputNumber, Progress, Skeleton, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProjectRow } from "../../../../common/project.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { PersonPicker } from "../../../components/pickers";
import type { FieldIssue } from "../../../lib/api";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { applyServerErrors } from "../../../lib/forms";
import { type CreditShare, useCredits, useSaveCredits } from "../api/lifecycle.api";
import { Blank } from "./ProjectBits";
import { ProjectTeamPicker } from "./pickers";

interface Share {
  teamId: string | null;
  userId: string | null;
  percent: number | null;
}
interface Values {
  shares: Share[];
}

const sumOf = (shares: Share[] | undefined) => (shares ?? []).reduce((a, s) => a + (s?.percent ?? 0), 0);

const CreditsForm = ({
  project,
  credits,
  onDone,
}: {
  project: ProjectRow;
  credits: CreditShare[];
  onDone: () => void;
}) => {
  const { t } = useTranslation("projects");
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const save = useSaveCredits(project.id);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const shares = Form.useWatch("shares", form);
  const sum = sumOf(shares);
  const names = new Map(credits.map((c) => [c.teamId, c]));
  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    try {
      await save.mutateAsync({
        shares: v.shares.map((x) => ({
          teamId: x.teamId ?? "",
          userId: x.userId ?? null,
          percent: x.percent ?? 0,
        })),
        version: project.version,
      });
      feedback.success(t("credits.saved"));
      onDone();
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 860 }}
      initialValues={{
        shares: credits.map((c) => ({ teamId: c.teamId, userId: c.userId, percent: c.percent })),
      }}
      onFinish={onFinish}
    >
      <ApiErrorAlert error={error} extraIssues={extra} onReload={onDone} />
      <Form.List name="shares">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => {
              const stored = names.get(form.getFieldValue(["shares", f.name, "teamId"]));
              return (
                <Flex key={f.key} gap={12} align="flex-start">
                  <Form.Item
                    name={[f.name, "teamId"]}
                    label={i === 0 ? t("credits.team") : undefined}
                    rules={[{ required: true, message: t("credits.teamRequired") }]}
                    style={{ flex: 2, minWidth: 0 }}
                  >
                    <ProjectTeamPicker placeholder={t("field.teamPh")} storedName={stored?.teamName} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, "userId"]}
                    label={i === 0 ? t("credits.person") : undefined}
                    style={{ flex: 1.5, minWidth: 0 }}
                  >
                    <PersonPicker
                      personRole="officer"
                      storedName={stored?.userName}
                      placeholder={t("credits.personPh")}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, "percent"]}
                    label={i === 0 ? t("credits.percent") : undefined}
                    rules={[{ required: true, message: t("credits.percentRequired") }]}
                    style={{ width: 130 }}
                  >
                    <InputNumber<number>
                      min={1}
                      max={100}
                      precision={0}
                      suffix="%"
                      style={{ width: "100%" }}
                      aria-label={t("credits.percent")}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t("credits.remove")}
                    title={t("credits.remove")}
                    disabled={fields.length === 1}
                    onClick={() => remove(f.name)}
                    style={{ marginTop: i === 0 ? 30 : 0 }}
                  />
                </Flex>
              );
            })}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ teamId: null, userId: null, percent: Math.max(0, 100 - sum) || null })}
              disabled={fields.length >= 10}
            >
              {t("credits.add")}
            </Button>
          </>
        )}
      </Form.List>
      <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
        <Typography.Text
          type={sum === 100 ? "success" : "danger"}
          strong
          aria-live="polite"
          data-testid="credit-sum"
        >
          {sum === 100 ? t("credits.sumOk") : t("credits.sumBad", { n: sum })}
        </Typography.Text>
        <Flex gap={8}>
          <Button onClick={onDone}>{t("common:action.cancel")}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} disabled={sum !== 100}>
            {t("common:action.save")}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
};

/** 分成: which teams (and people) a project counts for, in percent summing to 100. */
export const CreditsPanel = ({ project }: { project: ProjectRow }) => {
  const { t } = useTranslation("projects");
  const canCredit = usePermission("project.credit");
  const { data, isLoading, error, refetch } = useCredits(project.id);
  const [editing, setEditing] = useState(false);
  if (isLoading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (error) return <ApiErrorAlert error={error} onRetry={() => void refetch()} />;
  const credits = data ?? [];
  if (editing) return <CreditsForm project={project} credits={credits} onDone={() => setEditing(false)} />;
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t("credits.hint")}</Typography.Text>
        {canCredit && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t("credits.edit")}
          </Button>
        )}
      </Flex>
      <Table<CreditShare>
        rowKey="teamId"
        size="middle"
        pagination={false}
        dataSource={credits}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("credits.empty")} />,
        }}
        columns={[
          { title: t("credits.team"), dataIndex: "teamName" },
          { title: t("credits.person"), dataIndex: "userName", render: (v: string | null) => v ?? <Blank /> },
          {
            title: t("credits.percent"),
            dataIndex: "percent",
            width: 260,
            render: (v: number) => <Progress percent={v} size="small" format={(p) => `${p}%`} />,
          },
        ]}
      />
    </>
  );
};
