import { UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Modal, Radio, Select, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { siteKinds } from "../../../../common/site.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { useImportSites } from "../api/sites.api";

/** GeoJSON / KML upload: every feature checked, all or nothing; problems listed by feature. */
export const ImportModal = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation("sites");
  const { ParkPicker } = useExtensions();
  const feedback = useFeedback();
  const run = useImportSites();
  const [form] = Form.useForm();
  const [file, setFile] = useState<File | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    if (!file) return;
    const fd = new FormData();
    fd.append("parkId", v.parkId);
    fd.append("kind", v.kind);
    fd.append("crs", v.crs);
    fd.append("file", file, file.name);
    run.mutate(fd, {
      onSuccess: (r) => {
        feedback.success(t("import.done", { n: r.created }));
        onClose();
      },
    });
  };
  return (
    <Modal
      open
      title={t("import.title")}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ disabled: !file }}
      confirmLoading={run.isPending}
      width={640}
    >
      <Typography.Paragraph type="secondary">{t("import.hint")}</Typography.Paragraph>
      {run.isError && <Alert type="error" showIcon title={t("import.failed")} style={{ marginBottom: 8 }} />}
      <ApiErrorAlert error={run.error} />
      <Form form={form} layout="vertical" initialValues={{ kind: "land", crs: "wgs84" }}>
        <Form.Item name="parkId" label={t("field.park")} rules={[{ required: true, message: "请选择园区" }]}>
          <ParkPicker />
        </Form.Item>
        <Form.Item name="kind" label={t("import.kind")}>
          <Select options={siteKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="crs" label={t("field.crs")}>
          <Radio.Group
            options={(["wgs84", "gcj02"] as const).map((c) => ({ value: c, label: t(`crs.${c}`) }))}
          />
        </Form.Item>
        <Upload
          accept=".geojson,.json,.kml"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <Button icon={<UploadOutlined />}>{t("import.file")}</Button>
        </Upload>
      </Form>
    </Modal>
  );
};
