import { Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { type ParkKind, parkKinds } from "../../../../common/enums";
import { type Park, parkCreate } from "../../../../common/org.schema";
import { AreaInput } from "../../../components/AreaInput";
import { RecordForm, type RecordFormProps } from "../../../components/RecordForm";
import { zodRule } from "../../../lib/forms";
import { useCreatePark, useUpdatePark } from "../api/parks.api";
import { ParkPicker } from "./RecordPickers";
import { RegionPicker } from "./RegionPicker";

interface Values {
  regionId: string | null;
  name: string;
  shortName: string;
  kind: ParkKind | null;
  parentId: string | null;
  hostLocation: string;
  areaM2: number | null;
  address: string;
  description: string;
}

const toValues = (p: Park | null): Values => ({
  regionId: p?.regionId ?? null,
  name: p?.name ?? "",
  shortName: p?.shortName ?? "",
  kind: p?.kind ?? null,
  parentId: p?.parentId ?? null,
  hostLocation: p?.hostLocation ?? "",
  areaM2: p?.areaM2 ?? null,
  address: p?.address ?? "",
  description: p?.description ?? "",
});

const s = parkCreate.shape;

// The host location belongs to an enclave (飞地) only; another kind clears it.
const toBody = (v: Values) => ({ ...v, hostLocation: v.kind === "enclave" ? v.hostLocation : null });

export const ParkForm = (props: RecordFormProps<Park>) => {
  const { t } = useTranslation("org");
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form);
  const create = useCreatePark();
  const update = useUpdatePark();

  return (
    <RecordForm
      {...props}
      form={form}
      initialValues={toValues(props.record)}
      create={create}
      update={update}
      toBody={toBody}
    >
      <Form.Item name="name" label={t("parks.name")} required rules={[zodRule(s.name)]}>
        <Input placeholder={t("parks.namePh")} autoFocus maxLength={100} showCount />
      </Form.Item>
      <Form.Item name="shortName" label={t("parks.shortName")} rules={[zodRule(s.shortName)]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="regionId" label={t("common.region")} required rules={[zodRule(s.regionId, "null")]}>
        <RegionPicker />
      </Form.Item>
      <Form.Item name="kind" label={t("parks.kind")} required rules={[zodRule(s.kind, "null")]}>
        <Select
          showSearch={{ optionFilterProp: "label" }}
          options={parkKinds.map((k) => ({ value: k, label: t(`enums:parkKind.${k}`) }))}
          placeholder={t("parks.kind")}
        />
      </Form.Item>
      <Form.Item name="parentId" label={t("parks.parent")} rules={[zodRule(s.parentId, "null")]}>
        <ParkPicker placeholder={t("parks.parentPh")} excludeId={props.record?.id ?? null} />
      </Form.Item>
      {kind === "enclave" && (
        <Form.Item
          name="hostLocation"
          label={t("parks.hostLocation")}
          extra={t("parks.hostLocationHint")}
          rules={[zodRule(s.hostLocation)]}
        >
          <Input placeholder={t("parks.hostLocationPh")} maxLength={100} />
        </Form.Item>
      )}
      <Form.Item
        name="areaM2"
        label={t("parks.area")}
        extra={t("parks.areaHint")}
        rules={[zodRule(s.areaM2, "null")]}
      >
        <AreaInput />
      </Form.Item>
      <Form.Item name="address" label={t("parks.address")} rules={[zodRule(s.address)]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t("parks.description")} rules={[zodRule(s.description)]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
      </Form.Item>
    </RecordForm>
  );
};
