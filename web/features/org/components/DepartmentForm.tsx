import { Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { type Department, departmentCreate } from "../../../../common/org.schema";
import { RecordForm, type RecordFormProps } from "../../../components/RecordForm";
import { zodRule } from "../../../lib/forms";
import { useCreateDepartment, useUpdateDepartment } from "../api/departments.api";
import { RegionPicker } from "./RegionPicker";

interface Values {
  regionId: string | null;
  name: string;
  shortName: string;
  phone: string;
}

const toValues = (x: Department | null): Values => ({
  regionId: x?.regionId ?? null,
  name: x?.name ?? "",
  shortName: x?.shortName ?? "",
  phone: x?.phone ?? "",
});

const s = departmentCreate.shape;

export const DepartmentForm = (props: RecordFormProps<Department>) => {
  const { t } = useTranslation("org");
  const [form] = Form.useForm<Values>();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();

  return (
    <RecordForm {...props} form={form} initialValues={toValues(props.record)} create={create} update={update}>
      <Form.Item name="name" label={t("departments.name")} required rules={[zodRule(s.name)]}>
        <Input placeholder={t("departments.namePh")} autoFocus maxLength={100} showCount />
      </Form.Item>
      <Form.Item name="shortName" label={t("departments.shortName")} rules={[zodRule(s.shortName)]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="regionId" label={t("common.region")} required rules={[zodRule(s.regionId, "null")]}>
        <RegionPicker />
      </Form.Item>
      <Form.Item name="phone" label={t("departments.phone")} rules={[zodRule(s.phone)]}>
        <Input maxLength={30} inputMode="tel" />
      </Form.Item>
    </RecordForm>
  );
};
