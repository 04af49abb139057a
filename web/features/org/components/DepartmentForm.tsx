import { Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { type Department, departmentCreate } from "../../../../common/org.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { zodRule } from "../../../lib/forms";
import { useCreateDepartment, useUpdateDepartment } from "../api/departments.api";
import { FormButtons } from "./FormButtons";
import { RegionPicker } from "./RegionPicker";
import { useRecordSubmit } from "./useRecordSubmit";

interface Props {
  department: Department | null;
  readOnly: boolean;
  onDone: (saved: Department, created: boolean) => void;
  onCancel: () => void;
  onReload: () => void;
}

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

export const DepartmentForm = ({ department, readOnly, onDone, onCancel, onReload }: Props) => {
  const { t } = useTranslation("org");
  const [form] = Form.useForm<Values>();
  const sub = useRecordSubmit(form, department, useCreateDepartment(), useUpdateDepartment(), onDone);

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={toValues(department)}
      onFinish={(v) => sub.submit({ ...v })}
      disabled={readOnly}
      scrollToFirstError
    >
      <ApiErrorAlert error={sub.error} extraIssues={sub.extraIssues} onReload={onReload} />
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
      {!readOnly && <FormButtons saving={sub.saving} onCancel={onCancel} />}
    </Form>
  );
};
