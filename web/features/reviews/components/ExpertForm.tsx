import { Flex, Form, Input, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { type ExpertRow, expertCreate } from "../../../../common/review.schema";
import { RecordForm, type RecordFormProps } from "../../../components/RecordForm";
import { useCurrentUser } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { zodRule } from "../../../lib/forms";
import { useCreateExpert, useExpertFields, useUpdateExpert } from "../api/experts.api";
import { ExpertAccountPicker, TiedFirmsPicker } from "./pickers";

/** Field names follow the API body, so the server's 400 details land on them. */
interface Values {
  name: string;
  title: string;
  organization: string;
  fields: string[];
  phone: string;
  regionId: string | null;
  userId: string | null;
  tiedEnterpriseIds: string[];
  active: boolean;
}

const toValues = (e: ExpertRow | null, regionId: string | null): Values => ({
  name: e?.name ?? "",
  title: e?.title ?? "",
  organization: e?.organization ?? "",
  fields: e?.fields ?? [],
  phone: e?.phone ?? "",
  regionId: e?.regionId ?? regionId,
  userId: e?.userId ?? null,
  tiedEnterpriseIds: e?.tiedEnterpriseIds ?? [],
  active: e?.active ?? true,
});

const toBody = (v: Values) => ({
  ...v,
  fields: v.fields.map((f) => f.trim()).filter(Boolean),
  tiedEnterpriseIds: v.tiedEnterpriseIds ?? [],
});

const s = expertCreate.shape;
const half = { flex: 1, minWidth: 0 };

/** 新增/编辑专家: who they are, what they know, their account, and the firms they must never review. */
export const ExpertForm = (props: RecordFormProps<ExpertRow>) => {
  const { t } = useTranslation("reviews");
  const { RegionPicker } = useExtensions();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const create = useCreateExpert();
  const update = useUpdateExpert();
  const known = useExpertFields();

  return (
    <RecordForm
      {...props}
      form={form}
      initialValues={toValues(props.record, me.regionId)}
      create={create}
      update={update}
      toBody={toBody}
    >
      <Flex gap={16}>
        <Form.Item name="name" label={t("field.name")} required rules={[zodRule(s.name)]} style={half}>
          <Input placeholder={t("field.namePh")} autoFocus maxLength={40} />
        </Form.Item>
        <Form.Item name="title" label={t("field.title")} rules={[zodRule(s.title)]} style={half}>
          <Input placeholder={t("field.titlePh")} maxLength={60} />
        </Form.Item>
      </Flex>
      <Form.Item name="organization" label={t("field.organization")} rules={[zodRule(s.organization)]}>
        <Input placeholder={t("field.organizationPh")} maxLength={100} />
      </Form.Item>
      <Form.Item
        name="fields"
        label={t("field.fields")}
        extra={t("field.fieldsHint")}
        required
        rules={[zodRule(s.fields, "omit")]}
      >
        <Select<string[]>
          mode="tags"
          tokenSeparators={["，", ",", "、", "；", ";"]}
          placeholder={t("field.fieldsPh")}
          options={(known.data ?? []).map((f) => ({ value: f, label: f }))}
          maxCount={10}
        />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item name="phone" label={t("field.phone")} rules={[zodRule(s.phone)]} style={half}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="regionId"
          label={t("field.region")}
          extra={t("field.regionHint")}
          required
          rules={[zodRule(s.regionId, "null")]}
          style={half}
        >
          <RegionPicker />
        </Form.Item>
      </Flex>
      <Form.Item name="userId" label={t("field.account")} extra={t("field.accountHint")}>
        <ExpertAccountPicker />
      </Form.Item>
      <Form.Item name="tiedEnterpriseIds" label={t("field.tied")} extra={t("field.tiedHint")}>
        <TiedFirmsPicker />
      </Form.Item>
      <Form.Item
        name="active"
        label={t("field.active")}
        extra={t("field.activeHint")}
        valuePropName="checked"
      >
        <Switch checkedChildren={t("experts.active")} unCheckedChildren={t("experts.inactive")} />
      </Form.Item>
    </RecordForm>
  );
};
