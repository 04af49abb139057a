import { Col, Form, InputNumber, Select } from "antd";
import { useTranslation } from "react-i18next";
import { landUses } from "../../../../common/site.schema";

/** A non-negative number in a third of a row: the site form's limits, the demand's needs. */
export const NumberCol = ({ name, label }: { name: string; label: string }) => (
  <Col span={8}>
    <Form.Item name={name} label={label}>
      <InputNumber min={0} style={{ width: "100%" }} />
    </Form.Item>
  </Col>
);

/** The land-use class in a third of a row. */
export const LandUseCol = ({ label }: { label: string }) => {
  const { t } = useTranslation("sites");
  return (
    <Col span={8}>
      <Form.Item name="landUse" label={label}>
        <Select allowClear options={landUses.map((k) => ({ value: k, label: t(`landUse.${k}`) }))} />
      </Form.Item>
    </Col>
  );
};
