import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Flex, Form, Input, Select, Skeleton, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import type { FieldIssue } from "../../../lib/api";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { formatDateTime } from "../../../lib/format";
import { applyServerErrors } from "../../../lib/forms";
import { type ActualYear, useActuals, useSaveActual } from "../api/performance.api";
import { MuInput, NumberInput, WanInput } from "./inputs";

interface Values {
  investmentFen: number | null;
  outputFen: number | null;
  taxFen: number | null;
  jobs: number | null;
  landM2: number | null;
  note: string;
}

const field = { flex: "1 1 180px", minWidth: 160 };

const YearForm = ({
  projectId,
  year,
  actual,
  writable,
}: {
  projectId: string;
  year: number;
  actual: ActualYear | null;
  writable: boolean;
}) => {
  const { t } = useTranslation("projects");
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const save = useSaveActual(projectId);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const wan = t("field.wan");
  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    try {
      await save.mutateAsync({
        year,
        body: {
          investmentFen: v.investmentFen ?? null,
          outputFen: v.outputFen ?? null,
          taxFen: v.taxFen ?? null,
          jobs: v.jobs ?? null,
          landM2: v.landM2 ?? null,
          note: v.note.trim() || null,
          ...(actual ? { version: actual.version } : {}),
        },
      });
      feedback.success(t("actuals.saved", { year }));
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };
  return (
    <Card
      size="small"
      title={t("actuals.year", { year })}
      extra={
        actual && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("actuals.updatedAt", { at: formatDateTime(actual.updatedAt) })}
          </Typography.Text>
        )
      }
      data-testid={`actuals-${year}`}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={!writable}
        initialValues={{
          investmentFen: actual?.investmentFen ?? null,
          outputFen: actual?.outputFen ?? null,
          taxFen: actual?.taxFen ?? null,
          jobs: actual?.jobs ?? null,
          landM2: actual?.landM2 ?? null,
          note: actual?.note ?? "",
        }}
        onFinish={onFinish}
      >
        <ApiErrorAlert error={error} extraIssues={extra} />
        <Flex gap={12} wrap>
          <Form.Item name="investmentFen" label={t("actuals.investment")} style={field}>
            <WanInput unit={wan} />
          </Form.Item>
          <Form.Item name="outputFen" label={t("actuals.output")} style={field}>
            <WanInput unit={wan} />
          </Form.Item>
          <Form.Item name="taxFen" label={t("actuals.tax")} style={field}>
            <WanInput unit={wan} />
          </Form.Item>
          <Form.Item name="jobs" label={t("actuals.jobs")} style={field}>
            <NumberInput unit={t("field.persons")} integer />
          </Form.Item>
          <Form.Item name="landM2" label={t("actuals.land")} style={field}>
            <MuInput unit={t("field.mu")} />
          </Form.Item>
        </Flex>
        <Flex gap={12} align="flex-end">
          <Form.Item name="note" label={t("actuals.note")} style={{ flex: 1, marginBottom: 0 }}>
            <Input maxLength={500} placeholder={t("actuals.notePh")} />
          </Form.Item>
          {writable && (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t("common:action.save")}
            </Button>
          )}
        </Flex>
      </Form>
    </Card>
  );
};

/**
 * 年度实绩: a form per year (累计完成投资, 产值, 税收 in 万元; 就业 in people; land used in 亩),
 * newest first. Years run from the signing year to this year: the server refuses future years.
 */
export const ActualsPanel = ({ projectId, signedYear }: { projectId: string; signedYear: number }) => {
  const { t } = useTranslation("projects");
  const canWrite = usePermission("project.write");
  const { data, isLoading, error, refetch } = useActuals(projectId);
  const [added, setAdded] = useState<number[]>([]);
  const [choice, setChoice] = useState<number | null>(null);
  const thisYear = new Date().getFullYear();
  if (isLoading) return <Skeleton active paragraph={{ rows: 3 }} />;
  const actuals = data ?? [];
  const stored = new Map(actuals.map((a) => [a.year, a]));
  const years = [...new Set([...stored.keys(), ...added])].sort((a, b) => b - a);
  const open = Array.from({ length: Math.max(0, thisYear - signedYear + 1) }, (_, i) => thisYear - i).filter(
    (y) => !years.includes(y),
  );
  return (
    <Flex vertical gap={12}>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t("actuals.hint")}</Typography.Text>
        {canWrite && open.length > 0 && (
          <Flex gap={8}>
            <Select<number>
              value={choice ?? open[0]}
              onChange={setChoice}
              aria-label={t("actuals.yearPh")}
              options={open.map((y) => ({ value: y, label: t("actuals.year", { year: y }) }))}
              style={{ width: 130 }}
            />
            <Button
              icon={<PlusOutlined />}
              onClick={() => {
                const y = choice ?? open[0];
                if (y !== undefined) setAdded((a) => [...a, y]);
                setChoice(null);
              }}
            >
              {t("actuals.addYear")}
            </Button>
          </Flex>
        )}
      </Flex>
      {years.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("actuals.empty")} />}
      {years.map((y) => {
        const a = stored.get(y) ?? null;
        return (
          <YearForm
            key={`${y}:${a?.version ?? 0}`}
            projectId={projectId}
            year={y}
            actual={a}
            writable={canWrite}
          />
        );
      })}
    </Flex>
  );
};
