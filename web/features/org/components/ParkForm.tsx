import { Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { type ParkKind, parkKinds } from "../../../../common/enums";
import {
  type Crs,
  isProblem,
  PARK_MAX_SPAN_DEG,
  parsePolygonText,
  polygonProblems,
  toWgs84,
} from "../../../../common/geo";
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
  outlineText: string;
  outlineCrs: Crs;
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
  outlineText: p?.outline ? p.outline.coordinates[0]!.map(([lng, lat]) => `${lng},${lat}`).join("\n") : "",
  outlineCrs: "wgs84",
});

/** The outline as typed: nothing (clears it), or a polygon the common checks accept. */
const readOutline = (text: string, crs: Crs) => {
  if (!text.trim()) return { outline: null };
  const read = parsePolygonText(text);
  if (isProblem(read)) return { problem: read.message };
  const problems = polygonProblems(toWgs84(read, crs), PARK_MAX_SPAN_DEG);
  return problems.length ? { problem: problems.map((p) => p.message).join("；") } : { outline: read };
};

const s = parkCreate.shape;

// The host location belongs to an enclave (飞地) only; another kind clears it. An unchanged
// outline is not sent again (it was converted to WGS 84 when saved).
const toBody = (record: Park | null) => (v: Values) => {
  const { outlineText, outlineCrs, ...rest } = v;
  const unchanged = outlineText === toValues(record).outlineText && outlineCrs === "wgs84";
  return {
    ...rest,
    hostLocation: v.kind === "enclave" ? v.hostLocation : null,
    ...(unchanged ? {} : { outline: readOutline(outlineText, outlineCrs).outline ?? null, outlineCrs }),
  };
};

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
      toBody={toBody(props.record)}
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
      <Form.Item
        name="outlineText"
        label={t("parks.outline")}
        extra={t("parks.outlineHint")}
        rules={[
          {
            validator: async (_, text: string) => {
              const r = readOutline(text ?? "", form.getFieldValue("outlineCrs") ?? "wgs84");
              if (r.problem) throw new Error(r.problem);
            },
          },
        ]}
      >
        <Input.TextArea rows={3} style={{ fontFamily: "monospace" }} placeholder="119.85,28.42" />
      </Form.Item>
      <Form.Item name="outlineCrs" label={t("parks.outlineCrs")}>
        <Select
          options={[
            { value: "wgs84", label: "WGS-84（GPS、天地图）" },
            { value: "gcj02", label: "GCJ-02（高德、腾讯）" },
          ]}
          style={{ width: 220 }}
        />
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
