import { Divider, Flex, Form, Input, InputNumber, Modal, Select } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { type EnterpriseYear, type YearFieldKey, yearFields } from "../../../../common/enterprise.schema";
import { type SizeClass, sizeClasses } from "../../../../common/enums";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { AreaInput } from "../../../components/AreaInput";
import type { FieldIssue } from "../../../lib/api";
import { useFeedback } from "../../../lib/feedback";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { useSaveYear, type YearBody } from "../api/years.api";
import { MoneyInput } from "./MoneyInput";

type YesNo = "yes" | "no";

interface Values {
  year: number | null;
  sizeClass: SizeClass | null;
  fourUp: YesNo | null;
  revenueFen: number | null;
  outputFen: number | null;
  taxFen: number | null;
  valueAddedFen: number | null;
  rdFen: number | null;
  employeesAvg: number | null;
  energyTce: number | null;
  electricityKwh: number | null;
  emissionsT: number | null;
  landM2: number | null;
  landCertNo: string;
  floorRentedM2: number | null;
  source: string;
}

type Figures = Required<Pick<YearBody, YearFieldKey>>;

const toValues = (y: EnterpriseYear | null, defaultYear: number): Values => ({
  year: y?.year ?? defaultYear,
  sizeClass: y?.sizeClass ?? null,
  fourUp: y?.fourUp === null || y?.fourUp === undefined ? null : y.fourUp ? "yes" : "no",
  revenueFen: y?.revenueFen ?? null,
  outputFen: y?.outputFen ?? null,
  taxFen: y?.taxFen ?? null,
  valueAddedFen: y?.valueAddedFen ?? null,
  rdFen: y?.rdFen ?? null,
  employeesAvg: y?.employeesAvg ?? null,
  energyTce: y?.energyTce ?? null,
  electricityKwh: y?.electricityKwh ?? null,
  emissionsT: y?.emissionsT ?? null,
  landM2: y?.landM2 ?? null,
  landCertNo: y?.landCertNo ?? "",
  floorRentedM2: y?.floorRentedM2 ?? null,
  source: "",
});

const figuresOf = (v: Values): Figures => ({
  sizeClass: v.sizeClass ?? null,
  fourUp: v.fourUp === null || v.fourUp === undefined ? null : v.fourUp === "yes",
  revenueFen: v.revenueFen ?? null,
  outputFen: v.outputFen ?? null,
  taxFen: v.taxFen ?? null,
  valueAddedFen: v.valueAddedFen ?? null,
  rdFen: v.rdFen ?? null,
  employeesAvg: v.employeesAvg ?? null,
  energyTce: v.energyTce ?? null,
  electricityKwh: v.electricityKwh ?? null,
  emissionsT: v.emissionsT ?? null,
  landM2: v.landM2 ?? null,
  landCertNo: v.landCertNo.trim() || null,
  floorRentedM2: v.floorRentedM2 ?? null,
});

/**
 * The server stamps every figure it is sent with this save's source: on an
 * edit only the figures that changed are sent, so the others keep theirs.
 */
export const yearBody = (v: Values, before: EnterpriseYear | null): YearBody => {
  const figures = figuresOf(v);
  const body: YearBody = { source: v.source.trim() || null };
  for (const key of Object.keys(figures) as YearFieldKey[]) {
    if (!before || (before[key] ?? null) !== figures[key]) Object.assign(body, { [key]: figures[key] });
  }
  if (before) body.version = before.version;
  return body;
};

interface Props {
  enterpriseId: string;
  /** null: a new year */
  year: EnterpriseYear | null;
  taken: readonly number[];
  onClose: () => void;
  onReload: () => void;
}

const half = { flex: 1, minWidth: 0 };

/** 填报年度数据: one year's figures; money in 万元, land in m² with 亩 beside it. */
export const YearForm = ({ enterpriseId, year, taken, onClose, onReload }: Props) => {
  const { t } = useTranslation("enterprises");
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const save = useSaveYear(enterpriseId);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const wan = t("field.cny");
  const sourceOf = (k: YearFieldKey): ReactNode => {
    const src = year?.sources[k];
    return src ? t("years.sourceOf", { source: src }) : undefined;
  };
  const item = (k: YearFieldKey, label: string, input: ReactNode, style = half) => (
    <Form.Item
      name={k}
      label={label}
      extra={sourceOf(k)}
      rules={[zodRule(yearFields[k], "null")]}
      style={style}
    >
      {input}
    </Form.Item>
  );

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    const y = year?.year ?? v.year ?? 0;
    try {
      await save.mutateAsync({ year: y, body: yearBody(v, year) });
      feedback.success(t("years.saved", { year: y }));
      onClose();
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={year ? t("years.edit", { year: year.year }) : t("years.add")}
      onCancel={onClose}
      okText={t("common:action.save")}
      cancelText={t("common:action.cancel")}
      okButtonProps={{ htmlType: "submit", loading: save.isPending }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={toValues(year, new Date().getFullYear() - 1)}
          onFinish={onFinish}
          clearOnDestroy
          scrollToFirstError
        >
          {dom}
        </Form>
      )}
    >
      <ApiErrorAlert error={error} extraIssues={extra} onReload={onReload} />
      <Flex gap={16}>
        <Form.Item
          name="year"
          label={t("years.year")}
          required
          style={half}
          rules={[
            {
              validator: async (_r, v: number | null) => {
                if (!v || v < 1990 || v > 2100) throw new Error(t("years.yearPh"));
                if (!year && taken.includes(v)) throw new Error(t("years.exists", { year: v }));
              },
            },
          ]}
        >
          <InputNumber<number>
            min={1990}
            max={2100}
            precision={0}
            disabled={Boolean(year)}
            autoFocus={!year}
            placeholder={t("years.yearPh")}
            style={{ width: "100%" }}
          />
        </Form.Item>
        {item(
          "sizeClass",
          t("years.sizeClass"),
          <Select<SizeClass>
            allowClear
            options={sizeClasses.map((x) => ({ value: x, label: t(`enums:sizeClass.${x}`) }))}
          />,
        )}
        <Form.Item name="fourUp" label={t("years.fourUp")} style={half}>
          <Select<YesNo>
            allowClear
            options={[
              { value: "yes", label: t("common:state.yes") },
              { value: "no", label: t("common:state.no") },
            ]}
          />
        </Form.Item>
      </Flex>
      <Divider titlePlacement="start" plain>
        {t("years.moneyGroup")}
      </Divider>
      <Flex gap={16}>
        {item("revenueFen", t("years.revenue"), <MoneyInput unit={wan} />)}
        {item("outputFen", t("years.output"), <MoneyInput unit={wan} />)}
        {item("taxFen", t("years.tax"), <MoneyInput unit={wan} />)}
      </Flex>
      <Flex gap={16}>
        {/* Value added may be negative (a loss-making year). */}
        {item("valueAddedFen", t("years.valueAdded"), <MoneyInput unit={wan} min={-1e12} />)}
        {item("rdFen", t("years.rd"), <MoneyInput unit={wan} />)}
        {item(
          "employeesAvg",
          t("years.employeesAvg"),
          <InputNumber<number> min={0} precision={0} suffix={t("field.persons")} style={{ width: "100%" }} />,
        )}
      </Flex>
      <Divider titlePlacement="start" plain>
        {t("years.resourceGroup")}
      </Divider>
      <Flex gap={16}>
        {item(
          "energyTce",
          t("years.energy"),
          <InputNumber<number> min={0} suffix={t("years.tce")} style={{ width: "100%" }} />,
        )}
        {item(
          "electricityKwh",
          t("years.electricity"),
          <InputNumber<number> min={0} suffix={t("years.kwh")} style={{ width: "100%" }} />,
        )}
        {item(
          "emissionsT",
          t("years.emissions"),
          <InputNumber<number> min={0} suffix={t("years.tonnes")} style={{ width: "100%" }} />,
        )}
      </Flex>
      <Flex gap={16}>
        {item("landM2", t("years.land"), <AreaInput />)}
        {item("floorRentedM2", t("years.floorRented"), <AreaInput />)}
      </Flex>
      <Flex gap={16}>
        <Form.Item
          name="landCertNo"
          label={t("years.landCertNo")}
          extra={sourceOf("landCertNo") ?? t("years.landCertHint")}
          style={half}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="source" label={t("years.source")} style={half}>
          <Input placeholder={t("years.sourcePh")} maxLength={100} />
        </Form.Item>
      </Flex>
    </Modal>
  );
};
