import { Col, DatePicker, Form, Input, Row, Select } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { RoundRow } from "../../../../common/talent.schema";
import { RecordForm, type RecordFormProps } from "../../../components/RecordForm";
import { useCreate, useProgrammes, useUpdate } from "../api/talent.api";

interface Values {
  programmeId: string | null;
  name: string;
  dates: [dayjs.Dayjs, dayjs.Dayjs] | null;
  note: string | null;
}

/** 申报批次: a name and its open dates under a programme. */
export const RoundForm = (p: Omit<RecordFormProps<RoundRow>, "readOnly">) => {
  const { t } = useTranslation("talent");
  const [form] = Form.useForm<Values>();
  const create = useCreate<RoundRow>("/talent-rounds");
  const update = useUpdate<RoundRow>("/talent-rounds");
  const programmes = useProgrammes();
  const r = p.record;
  const initial: Values = {
    programmeId: r?.programmeId ?? programmes.data?.items[0]?.id ?? null,
    name: r?.name ?? "",
    dates: r ? [dayjs(r.opensOn), dayjs(r.closesOn)] : null,
    note: r?.note ?? null,
  };
  const toBody = (v: Values) => ({
    ...(r ? {} : { programmeId: v.programmeId }),
    name: v.name,
    opensOn: v.dates?.[0].format("YYYY-MM-DD"),
    closesOn: v.dates?.[1].format("YYYY-MM-DD"),
    note: v.note || null,
  });
  return (
    <RecordForm<RoundRow, Values, unknown, unknown>
      {...p}
      readOnly={false}
      form={form}
      initialValues={initial}
      create={create as never}
      update={update as never}
      toBody={toBody}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="programmeId"
            label={t("field.programme")}
            rules={[{ required: true, message: "请选择人才计划" }]}
          >
            <Select
              disabled={Boolean(r)}
              options={programmes.data?.items.map((x) => ({ value: x.id, label: x.name }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="name"
            label={t("rounds.rounds")}
            rules={[{ required: true, min: 2, message: "请填写批次名称" }]}
          >
            <Input maxLength={60} placeholder="如：2026年第六批" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="dates"
        label={`${t("field.opensOn")} — ${t("field.closesOn")}`}
        rules={[{ required: true, message: "请选择申报期" }]}
      >
        <DatePicker.RangePicker />
      </Form.Item>
      <Form.Item name="note" label={t("field.note")}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </RecordForm>
  );
};
