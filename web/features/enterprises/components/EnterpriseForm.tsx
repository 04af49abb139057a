import { DatePicker, Flex, Form, Input, InputNumber, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { type Enterprise, enterpriseCreate } from "../../../../common/enterprise.schema";
import { type EnterpriseStatus, enterpriseStatuses } from "../../../../common/enums";
import { RecordForm, type RecordFormProps } from "../../../components/RecordForm";
import { useExtensions } from "../../../lib/extensions";
import { zodRule } from "../../../lib/forms";
import { useCreateEnterprise, useUpdateEnterprise } from "../api/enterprises.api";
import { ContactsEditor, type ContactValue } from "./ContactsEditor";
import { enterConfirmsDate } from "./dateKeys";
import { IndustryPicker } from "./IndustryPicker";
import { MoneyInput } from "./MoneyInput";
import { SpecialistPicker } from "./SpecialistPicker";
import { usccRules } from "./usccRules";

type Currency = "CNY" | "USD";

/** Field names follow the API body, so the server's 400 details land on them. */
interface Values {
  uscc: string;
  name: string;
  formerNames: string[];
  legalRep: string;
  registeredCapitalFen: number | null;
  capitalCurrency: Currency;
  foundedOn: Dayjs | null;
  status: EnterpriseStatus;
  industryCode: string | null;
  regionId: string | null;
  parkId: string | null;
  address: string;
  lng: number | null;
  lat: number | null;
  employees: number | null;
  contacts: ContactValue[];
  specialistId: string | null;
}

const toValues = (e: Enterprise | null): Values => ({
  uscc: e?.uscc ?? "",
  name: e?.name ?? "",
  formerNames: e?.formerNames ?? [],
  legalRep: e?.legalRep ?? "",
  registeredCapitalFen: e?.registeredCapitalFen ?? null,
  capitalCurrency: e?.capitalCurrency === "USD" ? "USD" : "CNY",
  foundedOn: e?.foundedOn ? dayjs(e.foundedOn) : null,
  status: e?.status ?? "operating",
  industryCode: e?.industryCode ?? null,
  regionId: e?.regionId ?? null,
  parkId: e?.parkId ?? null,
  address: e?.address ?? "",
  lng: e?.lng ?? null,
  lat: e?.lat ?? null,
  employees: e?.employees ?? null,
  contacts: (e?.contacts ?? []).map((c) => ({ name: c.name, title: c.title ?? "", phone: c.phone ?? "" })),
  specialistId: e?.specialistId ?? null,
});

const orNull = (v: string): string | null => (v.trim() === "" ? null : v.trim());

const toBody = (v: Values) => ({
  ...v,
  formerNames: v.formerNames.map((n) => n.trim()).filter(Boolean),
  foundedOn: v.foundedOn ? v.foundedOn.format("YYYY-MM-DD") : null,
  // A contact row left wholly blank is no contact.
  contacts: v.contacts
    .filter((c) => c.name.trim() || c.title.trim() || c.phone.trim())
    .map((c) => ({ name: c.name.trim(), title: orNull(c.title), phone: orNull(c.phone) })),
});

const s = enterpriseCreate.shape;
const half = { flex: 1, minWidth: 0 };

/** 新增/编辑企业: the registry's fields, checked as the server checks them. */
export const EnterpriseForm = (props: RecordFormProps<Enterprise>) => {
  const { t } = useTranslation("enterprises");
  const { RegionPicker, ParkPicker } = useExtensions();
  const [form] = Form.useForm<Values>();
  const regionId = Form.useWatch("regionId", form);
  const create = useCreateEnterprise();
  const update = useUpdateEnterprise();
  const readOnly = props.readOnly;

  return (
    <RecordForm
      {...props}
      form={form}
      initialValues={toValues(props.record)}
      create={create}
      update={update}
      toBody={toBody}
    >
      <Form.Item name="name" label={t("field.name")} required rules={[zodRule(s.name)]}>
        <Input placeholder={t("field.namePh")} autoFocus maxLength={120} showCount />
      </Form.Item>
      {/* No maxLength: a pasted code may carry spaces, which normalize removes. */}
      <Form.Item
        name="uscc"
        label={t("field.uscc")}
        extra={t("field.usccHint")}
        rules={usccRules}
        validateTrigger={["onChange", "onBlur"]}
        normalize={(v: string) => v.replace(/\s+/g, "").toUpperCase()}
      >
        <Input placeholder={t("field.usccPh")} style={{ fontFamily: "monospace" }} />
      </Form.Item>
      <Form.Item name="formerNames" label={t("field.formerNames")}>
        <Select<string[]>
          mode="tags"
          open={false}
          suffixIcon={null}
          tokenSeparators={["，", ",", "；", ";"]}
          placeholder={t("field.formerNamesPh")}
        />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item name="legalRep" label={t("field.legalRep")} rules={[zodRule(s.legalRep)]} style={half}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="foundedOn" label={t("field.foundedOn")} style={half}>
          <DatePicker
            style={{ width: "100%" }}
            disabledDate={(d) => d.isAfter(dayjs(), "day")}
            onKeyDown={enterConfirmsDate}
          />
        </Form.Item>
      </Flex>
      <Flex gap={16}>
        <Form.Item label={t("field.capital")} style={half} htmlFor="registeredCapitalFen">
          <Space.Compact block>
            <Form.Item name="registeredCapitalFen" noStyle rules={[zodRule(s.registeredCapitalFen, "null")]}>
              <MoneyInput id="registeredCapitalFen" />
            </Form.Item>
            <Form.Item name="capitalCurrency" noStyle>
              <Select<Currency>
                aria-label={t("field.capital")}
                style={{ width: 110 }}
                options={[
                  { value: "CNY", label: t("field.cny") },
                  { value: "USD", label: t("field.usd") },
                ]}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="status" label={t("field.status")} style={half}>
          <Select<EnterpriseStatus>
            options={enterpriseStatuses.map((x) => ({ value: x, label: t(`enums:enterpriseStatus.${x}`) }))}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="industryCode" label={t("field.industry")} extra={t("field.industryHint")}>
        <IndustryPicker />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item
          name="regionId"
          label={t("field.region")}
          required
          rules={[zodRule(s.regionId, "null")]}
          style={half}
          // A park belongs to one region: another region clears the park.
          getValueFromEvent={(v: string | null) => {
            if (v !== form.getFieldValue("regionId")) form.setFieldValue("parkId", null);
            return v;
          }}
        >
          <RegionPicker />
        </Form.Item>
        <Form.Item name="parkId" label={t("field.park")} style={half}>
          <ParkPicker regionId={regionId ?? null} placeholder={t("field.parkPh")} disabled={!regionId} />
        </Form.Item>
      </Flex>
      <Form.Item name="address" label={t("field.address")} rules={[zodRule(s.address)]}>
        <Input maxLength={200} />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item name="lng" label={t("field.lng")} rules={[zodRule(s.lng, "null")]} style={half}>
          <InputNumber<number> min={73} max={136} step={0.000001} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="lat" label={t("field.lat")} rules={[zodRule(s.lat, "null")]} style={half}>
          <InputNumber<number> min={3} max={54} step={0.000001} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name="employees"
          label={t("field.employees")}
          rules={[zodRule(s.employees, "null")]}
          style={half}
        >
          <InputNumber<number> min={0} precision={0} suffix={t("field.persons")} style={{ width: "100%" }} />
        </Form.Item>
      </Flex>
      <Form.Item name="specialistId" label={t("field.specialist")}>
        <SpecialistPicker storedName={props.record?.specialistName} />
      </Form.Item>
      <Form.Item label={t("field.contacts")}>
        <ContactsEditor readOnly={readOnly} />
      </Form.Item>
    </RecordForm>
  );
};
