import { Col, Form, Input, InputNumber, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { educations, genders, type TalentRow } from "../../../../common/talent.schema";
import { FirmPicker } from "../../../components/pickers";
import { RecordForm, type RecordFormProps } from "../../../components/RecordForm";
import { usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useCreate, useUpdate } from "../api/talent.api";

interface Values {
  parkId: string | null;
  enterpriseId: string | null;
  name: string;
  gender: string | null;
  birthYear: number | null;
  education: string | null;
  title: string | null;
  field: string | null;
  phone?: string | null;
  idNumber?: string | null;
  email?: string | null;
  note: string | null;
}

/** 人才 form: contact and identity fields only for holders of talent.personal (they see them raw). */
export const TalentForm = (p: Omit<RecordFormProps<TalentRow>, "readOnly"> & { readOnly?: boolean }) => {
  const { t } = useTranslation("talent");
  const { ParkPicker } = useExtensions();
  const personal = usePermission("talent.personal");
  const [form] = Form.useForm<Values>();
  const create = useCreate<TalentRow>("/talents");
  const update = useUpdate<TalentRow>("/talents");
  const r = p.record;
  const initial: Values = {
    parkId: r?.parkId ?? null,
    enterpriseId: r?.enterpriseId ?? null,
    name: r?.name ?? "",
    gender: r?.gender ?? null,
    birthYear: r?.birthYear ?? null,
    education: r?.education ?? null,
    title: r?.title ?? null,
    field: r?.field ?? null,
    note: r?.note ?? null,
    ...(personal ? { phone: r?.phone ?? null, idNumber: r?.idNumber ?? null, email: r?.email ?? null } : {}),
  };
  const blank = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() ? v.trim() : null);
  const toBody = (v: Values) => ({
    ...v,
    title: blank(v.title),
    field: blank(v.field),
    note: blank(v.note),
    ...(personal ? { phone: blank(v.phone), idNumber: blank(v.idNumber), email: blank(v.email) } : {}),
  });
  return (
    <RecordForm<TalentRow, Values, unknown, unknown>
      {...p}
      readOnly={p.readOnly ?? false}
      form={form}
      initialValues={initial}
      create={create as never}
      update={update as never}
      toBody={toBody}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            name="name"
            label={t("field.name")}
            rules={[{ required: true, min: 2, message: "请填写姓名（至少 2 个字）" }]}
          >
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="gender"
            label={t("field.gender")}
            rules={[{ required: true, message: "请选择性别" }]}
          >
            <Select options={genders.map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="birthYear" label={t("field.birthYear")}>
            <InputNumber min={1930} max={2010} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="education" label={t("field.education")}>
            <Select allowClear options={educations.map((g) => ({ value: g, label: t(`education.${g}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="title" label={t("field.title")}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="field" label={t("field.field")}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="parkId"
            label={t("field.park")}
            rules={[{ required: true, message: "请选择园区" }]}
          >
            <ParkPicker />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="enterpriseId" label={t("field.enterprise")}>
            <FirmPicker allowClear storedName={r?.enterpriseName} />
          </Form.Item>
        </Col>
        {personal && (
          <>
            <Col span={8}>
              <Form.Item
                name="phone"
                label={t("field.phone")}
                rules={[
                  {
                    pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/,
                    message: "电话应为 11 位手机号或带区号的座机号",
                  },
                ]}
              >
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="idNumber"
                label={t("field.idNumber")}
                rules={[
                  {
                    pattern: /^(\d{17}[\dX]|[A-Z]{1,2}\d{6,9})$/,
                    message: "证件号应为 18 位身份证号或护照号",
                  },
                ]}
              >
                <Input maxLength={18} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="email"
                label={t("field.email")}
                rules={[{ type: "email", message: "电子邮箱格式有误" }]}
              >
                <Input maxLength={80} />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
      <Form.Item name="note" label={t("field.note")}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </RecordForm>
  );
};
