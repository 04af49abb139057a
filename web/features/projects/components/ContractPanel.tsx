import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, DatePicker, Descriptions, Empty, Flex, Form, Input, Skeleton } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProjectRow } from "../../../../common/project.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import type { FieldIssue } from "../../../lib/api";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { formatDateCn } from "../../../lib/format";
import { applyServerErrors } from "../../../lib/forms";
import { type Contract, type ContractBody, useContract, useSaveContract } from "../api/lifecycle.api";
import { wanText } from "../format";
import { enterConfirmsDate, NumberInput, WanInput } from "./inputs";
import { Blank } from "./ProjectBits";

interface Values {
  signedOn: Dayjs | null;
  contractNo: string;
  investmentFen: number | null;
  investBy: Dayjs | null;
  intensityWanPerMu: number | null;
  taxPerMuWan: number | null;
  outputFen: number | null;
  jobs: number | null;
  startBy: Dayjs | null;
  productionBy: Dayjs | null;
}

const d = (v: string | null | undefined) => (v ? dayjs(v) : null);
const s = (v: Dayjs | null) => (v ? v.format("YYYY-MM-DD") : null);
const half = { flex: 1, minWidth: 0 };

const toValues = (c: Contract | null): Values => ({
  signedOn: d(c?.signedOn) ?? dayjs(),
  contractNo: c?.contractNo ?? "",
  investmentFen: c?.investmentFen ?? null,
  investBy: d(c?.investBy),
  intensityWanPerMu: c?.intensityWanPerMu ?? null,
  taxPerMuWan: c?.taxPerMuWan ?? null,
  outputFen: c?.outputFen ?? null,
  jobs: c?.jobs ?? null,
  startBy: d(c?.startBy),
  productionBy: d(c?.productionBy),
});

const toBody = (v: Values, c: Contract | null): ContractBody => ({
  signedOn: s(v.signedOn) ?? "",
  contractNo: v.contractNo.trim() || null,
  investmentFen: v.investmentFen ?? null,
  investBy: s(v.investBy),
  intensityWanPerMu: v.intensityWanPerMu ?? null,
  taxPerMuWan: v.taxPerMuWan ?? null,
  outputFen: v.outputFen ?? null,
  jobs: v.jobs ?? null,
  startBy: s(v.startBy),
  productionBy: s(v.productionBy),
  ...(c ? { version: c.version } : {}),
});

const ContractForm = ({
  projectId,
  contract,
  onDone,
}: {
  projectId: string;
  contract: Contract | null;
  onDone: () => void;
}) => {
  const { t } = useTranslation("projects");
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const save = useSaveContract(projectId);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const wan = t("field.wan");
  const perMu = t("contract.perMu");
  const date = (name: keyof Values, label: string, required = false) => (
    <Form.Item
      name={name}
      label={label}
      style={half}
      rules={required ? [{ required: true, message: t("contract.signedOnRequired") }] : []}
    >
      <DatePicker style={{ width: "100%" }} onKeyDown={enterConfirmsDate} autoFocus={required} />
    </Form.Item>
  );
  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    try {
      await save.mutateAsync(toBody(v, contract));
      feedback.success(t("contract.saved"));
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
      initialValues={toValues(contract)}
      onFinish={onFinish}
      style={{ maxWidth: 820 }}
    >
      <ApiErrorAlert error={error} extraIssues={extra} onReload={onDone} />
      <Flex gap={16}>
        {date("signedOn", t("contract.signedOn"), true)}
        <Form.Item name="contractNo" label={t("contract.contractNo")} style={half}>
          <Input maxLength={60} />
        </Form.Item>
      </Flex>
      <Flex gap={16}>
        <Form.Item name="investmentFen" label={t("contract.investment")} style={half}>
          <WanInput unit={wan} />
        </Form.Item>
        {date("investBy", t("contract.investBy"))}
      </Flex>
      <Flex gap={16}>
        <Form.Item name="intensityWanPerMu" label={t("contract.intensity")} style={half}>
          <NumberInput unit={perMu} />
        </Form.Item>
        <Form.Item name="taxPerMuWan" label={t("contract.taxPerMu")} style={half}>
          <NumberInput unit={perMu} />
        </Form.Item>
      </Flex>
      <Flex gap={16}>
        <Form.Item name="outputFen" label={t("contract.output")} style={half}>
          <WanInput unit={wan} />
        </Form.Item>
        <Form.Item name="jobs" label={t("contract.jobs")} style={half}>
          <NumberInput unit={t("field.persons")} integer />
        </Form.Item>
      </Flex>
      <Flex gap={16}>
        {date("startBy", t("contract.startBy"))}
        {date("productionBy", t("contract.productionBy"))}
      </Flex>
      <Flex gap={8} justify="flex-end">
        <Button onClick={onDone}>{t("common:action.cancel")}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t("common:action.save")}
        </Button>
      </Flex>
    </Form>
  );
};

/** 合同条款: the commitments made at signing; 签约 needs them, 履约 is measured against them. */
export const ContractPanel = ({ project }: { project: ProjectRow }) => {
  const { t } = useTranslation("projects");
  const canWrite = usePermission("project.write");
  const { data: c, isLoading, error, refetch } = useContract(project.id);
  const [editing, setEditing] = useState(false);
  if (isLoading) return <Skeleton active paragraph={{ rows: 5 }} />;
  if (error) return <ApiErrorAlert error={error} onRetry={() => void refetch()} />;
  if (editing)
    return <ContractForm projectId={project.id} contract={c ?? null} onDone={() => setEditing(false)} />;
  if (!c) {
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("contract.noneHint")}>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(true)}>
            {t("contract.record")}
          </Button>
        )}
      </Empty>
    );
  }
  const or = (v: string) => v || <Blank />;
  const perMu = (v: number | null) =>
    v === null ? <Blank /> : `${v.toLocaleString("zh-CN")} ${t("contract.perMu")}`;
  return (
    <>
      {canWrite && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t("contract.edit")}
          </Button>
        </Flex>
      )}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        styles={{ label: { width: 150 } }}
        items={[
          { key: "signedOn", label: t("contract.signedOn"), children: formatDateCn(c.signedOn) },
          { key: "contractNo", label: t("contract.contractNo"), children: or(c.contractNo ?? "") },
          {
            key: "investment",
            label: t("contract.investment"),
            children: or(wanText(c.investmentFen, t("field.wan"))),
          },
          { key: "investBy", label: t("contract.investBy"), children: or(formatDateCn(c.investBy)) },
          { key: "intensity", label: t("contract.intensity"), children: perMu(c.intensityWanPerMu) },
          { key: "taxPerMu", label: t("contract.taxPerMu"), children: perMu(c.taxPerMuWan) },
          { key: "output", label: t("contract.output"), children: or(wanText(c.outputFen, t("field.wan"))) },
          {
            key: "jobs",
            label: t("contract.jobs"),
            children: c.jobs === null ? <Blank /> : `${c.jobs.toLocaleString("zh-CN")} ${t("field.persons")}`,
          },
          { key: "startBy", label: t("contract.startBy"), children: or(formatDateCn(c.startBy)) },
          {
            key: "productionBy",
            label: t("contract.productionBy"),
            children: or(formatDateCn(c.productionBy)),
          },
        ]}
      />
    </>
  );
};
