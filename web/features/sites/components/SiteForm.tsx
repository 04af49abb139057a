import { Col, Form, Input, Radio, Row, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import {
  areaWarning,
  geodesicArea,
  isProblem,
  muOf,
  parsePolygonText,
  polygonProblems,
  toWgs84,
} from "../../../../common/geo";
import { type SiteRow, siteKinds, siteStatuses, stockCategories } from "../../../../common/site.schema";
import { FileField } from "../../../components/FileField";
import { RecordForm, type RecordFormProps } from "../../../components/RecordForm";
import { useExtensions } from "../../../lib/extensions";
import { useCreateSite, useUpdateSite } from "../api/sites.api";
import { LandUseCol, NumberCol } from "./fields";

interface Values {
  parkId: string | null;
  name: string;
  code: string | null;
  kind: string;
  geometryText: string;
  geometryCrs: "wgs84" | "gcj02";
  areaM2: number | null;
  landUse: string | null;
  plotRatioMax: number | null;
  heightMaxM: number | null;
  floorLoadKnM2: number | null;
  powerKva: number | null;
  status: string;
  stockCategory: string | null;
  owner: string | null;
  priceWan: number | null;
  rentYuan: number | null;
  certificateNo: string | null;
  address: string | null;
  note: string | null;
  photoIds: string[];
}

/** What the pasted polygon would be once saved: its area in m² and 亩, or why it is refused. */
const GeometryPreview = ({
  text,
  crs,
  stated,
}: {
  text: string;
  crs: "wgs84" | "gcj02";
  stated: number | null;
}) => {
  if (!text?.trim()) return null;
  const read = parsePolygonText(text);
  if (isProblem(read)) return <Typography.Text type="danger">{read.message}</Typography.Text>;
  const poly = toWgs84(read, crs);
  const problems = polygonProblems(poly);
  if (problems.length > 0)
    return <Typography.Text type="danger">{problems.map((p) => p.message).join("；")}</Typography.Text>;
  const m2 = geodesicArea(poly);
  const warn = areaWarning(stated, m2);
  return (
    <Typography.Text type={warn ? "warning" : "secondary"}>
      {`图形面积 ${m2.toLocaleString("zh-CN")} 平方米（${muOf(m2).toFixed(2)} 亩）`}
      {warn ? `；${warn}` : ""}
    </Typography.Text>
  );
};

const num = (v: number | null | undefined) => (v === undefined ? null : v);

export const SiteForm = (p: Omit<RecordFormProps<SiteRow>, "readOnly">) => {
  const { t } = useTranslation("sites");
  const { ParkPicker } = useExtensions();
  const [form] = Form.useForm<Values>();
  const create = useCreateSite();
  const update = useUpdateSite();
  const r = p.record;
  const text = Form.useWatch("geometryText", form);
  const crs = Form.useWatch("geometryCrs", form) ?? "wgs84";
  const stated = Form.useWatch("areaM2", form) ?? null;
  const initial: Values = {
    parkId: r?.parkId ?? null,
    name: r?.name ?? "",
    code: r?.code ?? null,
    kind: r?.kind ?? "land",
    geometryText: r ? JSON.stringify(r.geometry) : "",
    geometryCrs: "wgs84",
    areaM2: r?.areaM2 ?? null,
    landUse: r?.landUse ?? null,
    plotRatioMax: r?.plotRatioMax ?? null,
    heightMaxM: r?.heightMaxM ?? null,
    floorLoadKnM2: r?.floorLoadKnM2 ?? null,
    powerKva: r?.powerKva ?? null,
    status: r?.status ?? "available",
    stockCategory: r?.stockCategory ?? null,
    owner: r?.owner ?? null,
    priceWan: r?.priceFen != null ? r.priceFen / 1_000_000 : null,
    rentYuan: r?.rentFenM2Month != null ? r.rentFenM2Month / 100 : null,
    certificateNo: r?.certificateNo ?? null,
    address: r?.address ?? null,
    note: r?.note ?? null,
    photoIds: r?.photoIds ?? [],
  };
  const toBody = (v: Values) => {
    const { geometryText, priceWan, rentYuan, ...rest } = v;
    const read = parsePolygonText(geometryText ?? "");
    const unchanged = r && geometryText === initial.geometryText;
    return {
      ...rest,
      ...(unchanged ? {} : { geometry: isProblem(read) ? null : read, geometryCrs: v.geometryCrs }),
      priceFen: priceWan == null ? null : Math.round(priceWan * 1_000_000),
      rentFenM2Month: rentYuan == null ? null : Math.round(rentYuan * 100),
      areaM2: num(v.areaM2),
    };
  };
  return (
    <RecordForm<SiteRow, Values, unknown, unknown>
      {...p}
      readOnly={false}
      form={form}
      initialValues={initial}
      create={create as never}
      update={update as never}
      toBody={toBody}
    >
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item name="name" label={t("field.name")} rules={[{ required: true, message: "请填写名称" }]}>
            <Input maxLength={80} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="code" label={t("field.code")}>
            <Input maxLength={40} />
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
          <Form.Item name="kind" label={t("field.kind")}>
            <Select options={siteKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="geometryCrs" label={t("field.crs")}>
        <Radio.Group
          options={(["wgs84", "gcj02"] as const).map((c) => ({ value: c, label: t(`crs.${c}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="geometryText"
        label={t("field.geometry")}
        extra={<GeometryPreview text={text} crs={crs} stated={stated} />}
        rules={[{ required: true, message: "请填写图形" }]}
        tooltip={t("geometryHelp")}
      >
        <Input.TextArea rows={4} placeholder={t("geometryHelp")} style={{ fontFamily: "monospace" }} />
      </Form.Item>
      <Row gutter={12}>
        <NumberCol name="areaM2" label={t("field.areaM2")} />
        <LandUseCol label={t("field.landUse")} />
        <NumberCol name="plotRatioMax" label={t("field.plotRatioMax")} />
        <NumberCol name="heightMaxM" label={t("field.heightMaxM")} />
        <NumberCol name="floorLoadKnM2" label={t("field.floorLoadKnM2")} />
        <NumberCol name="powerKva" label={t("field.powerKva")} />
        <Col span={8}>
          <Form.Item name="status" label={t("field.status")}>
            <Select
              options={siteStatuses
                .filter((s) => s !== "reserved" || r?.status === "reserved")
                .map((k) => ({ value: k, label: t(`status.${k}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="stockCategory" label={t("field.stockCategory")}>
            <Select allowClear options={stockCategories.map((k) => ({ value: k, label: t(`stock.${k}`) }))} />
          </Form.Item>
        </Col>
        <NumberCol name="priceWan" label={t("field.priceWan")} />
        <NumberCol name="rentYuan" label={t("field.rentYuan")} />
        <Col span={16}>
          <Form.Item name="owner" label={t("field.owner")}>
            <Input maxLength={80} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="certificateNo" label={t("field.certificateNo")}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="address" label={t("field.address")}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t("field.note")}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="photoIds" label={t("field.photos")}>
        <FileField
          subject={r ? { type: "site", id: r.id } : undefined}
          uploadLabel="上传照片"
          maxCount={30}
        />
      </Form.Item>
    </RecordForm>
  );
};
