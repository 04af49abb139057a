import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { type FundRow, fundStatuses } from "../../../../common/fund.schema";
import { FirmPicker } from "../../../components/pickers";
import { RecordForm, type RecordFormProps } from "../../../components/RecordForm";
import { useExtensions } from "../../../lib/extensions";
import { useCreateFund, useUpdateFund } from "../api/funds.api";
import { enterConfirmsDate, WanInput } from "./inputs";

interface Values {
  name: string;
  managerId: string | null;
  parkId: string | null;
  sizeFen: number | null;
  committedFen: number | null;
  governmentFen: number | null;
  inceptionOn: Dayjs | null;
  termYears: number | null;
  status: string;
  focus: string[];
  note: string | null;
}

/** 登记/编辑基金: money in 万元 (kept in fen), the sums checked against the size as typed. */
export const FundForm = (p: Omit<RecordFormProps<FundRow>, "readOnly">) => {
  const { t } = useTranslation("funds");
  const { ParkPicker } = useExtensions();
  const [form] = Form.useForm<Values>();
  const create = useCreateFund();
  const update = useUpdateFund();
  const r = p.record;
  const initial: Values = {
    name: r?.name ?? "",
    managerId: r?.managerId ?? null,
    parkId: r?.parkId ?? null,
    sizeFen: r?.sizeFen ?? null,
    committedFen: r?.committedFen ?? null,
    governmentFen: r?.governmentFen ?? null,
    inceptionOn: r ? dayjs(r.inceptionOn) : null,
    termYears: r?.termYears ?? null,
    status: r?.status ?? "investing",
    focus: r?.focus ?? [],
    note: r?.note ?? null,
  };
  const notAboveSize = (message: string) => ({
    validator: async (_: unknown, v: number | null) => {
      const size = form.getFieldValue("sizeFen") as number | null;
      if (v != null && size != null && v > size) throw new Error(message);
    },
  });
  return (
    <RecordForm<FundRow, Values, unknown, unknown>
      {...p}
      readOnly={false}
      form={form}
      initialValues={initial}
      create={create as never}
      update={update as never}
      toBody={(v) => ({
        ...v,
        inceptionOn: v.inceptionOn ? v.inceptionOn.format("YYYY-MM-DD") : null,
        governmentFen: v.governmentFen ?? 0,
      })}
    >
      <Form.Item name="name" label={t("field.name")} rules={[{ required: true, message: t("need.name") }]}>
        <Input maxLength={80} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="parkId"
            label={t("field.park")}
            rules={[{ required: true, message: t("form.parkOrRegion") }]}
          >
            <ParkPicker />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="managerId" label={t("field.manager")}>
            <FirmPicker allowClear storedName={r?.managerName} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="sizeFen"
            label={t("field.sizeWan")}
            rules={[
              { required: true, message: t("need.size") },
              {
                validator: async (_, v: number | null) => {
                  if (v !== null && v <= 0) throw new Error(t("form.positive"));
                },
              },
            ]}
          >
            <WanInput />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="committedFen"
            label={t("field.committedWan")}
            dependencies={["sizeFen"]}
            rules={[{ required: true, message: t("need.committed") }, notAboveSize(t("form.committedAbove"))]}
          >
            <WanInput />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="governmentFen"
            label={t("field.governmentWan")}
            dependencies={["sizeFen"]}
            rules={[notAboveSize(t("form.governmentAbove"))]}
          >
            <WanInput />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="inceptionOn"
            label={t("field.inceptionOn")}
            rules={[{ required: true, message: t("need.inception") }]}
          >
            <DatePicker style={{ width: "100%" }} onKeyDown={enterConfirmsDate} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="termYears"
            label={t("field.termYears")}
            rules={[{ required: true, message: t("need.term") }]}
          >
            <InputNumber min={1} max={30} precision={0} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="status" label={t("field.status")}>
            <Select options={fundStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="focus" label={t("field.focus")}>
        <Select mode="tags" tokenSeparators={["、", ",", "，"]} maxCount={12} />
      </Form.Item>
      <Form.Item name="note" label={t("field.note")}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </RecordForm>
  );
};
