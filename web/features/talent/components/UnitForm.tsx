import { Col, Form, Input, InputNumber, Row } from "antd";
import { useTranslation } from "react-i18next";
import type { UnitRow } from "../../../../common/talent.schema";
import { RecordForm, type RecordFormProps } from "../../../components/RecordForm";
import { useExtensions } from "../../../lib/extensions";
import { useCreate, useUpdate } from "../api/talent.api";

interface Values {
  parkId: string | null;
  building: string;
  name: string;
  address: string | null;
  rooms: number;
  areaM2: number | null;
  rentYuan: number | null;
  note: string | null;
}

/** 人才公寓房源: a unit of a building in a park; rent entered in 元 a month, kept in fen. */
export const UnitForm = (p: Omit<RecordFormProps<UnitRow>, "readOnly">) => {
  const { t } = useTranslation("talent");
  const { ParkPicker } = useExtensions();
  const [form] = Form.useForm<Values>();
  const create = useCreate<UnitRow>("/talent-units");
  const update = useUpdate<UnitRow>("/talent-units");
  const r = p.record;
  const initial: Values = {
    parkId: r?.parkId ?? null,
    building: r?.building ?? "",
    name: r?.name ?? "",
    address: r?.address ?? null,
    rooms: r?.rooms ?? 1,
    areaM2: r?.areaM2 ?? null,
    rentYuan: r?.rentFenMonth != null ? r.rentFenMonth / 100 : null,
    note: r?.note ?? null,
  };
  const toBody = ({ rentYuan, ...v }: Values) => ({
    ...v,
    address: v.address || null,
    note: v.note || null,
    areaM2: v.areaM2 ?? null,
    rentFenMonth: rentYuan == null ? null : Math.round(rentYuan * 100),
  });
  return (
    <RecordForm<UnitRow, Values, unknown, unknown>
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
            name="parkId"
            label={t("field.park")}
            rules={[{ required: true, message: "请选择园区" }]}
          >
            <ParkPicker />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="building"
            label={t("field.building")}
            rules={[{ required: true, message: "请填写楼栋" }]}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="name" label={t("field.unit")} rules={[{ required: true, message: "请填写房号" }]}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="rooms"
            label={t("field.rooms")}
            rules={[{ required: true, message: "请填写房间数" }]}
          >
            <InputNumber min={1} max={20} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="areaM2" label={t("field.areaM2")}>
            <InputNumber min={1} max={10000} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="rentYuan" label={t("field.rentYuan")}>
            <InputNumber min={0} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={t("field.address")}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="note" label={t("field.note")}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </RecordForm>
  );
};
