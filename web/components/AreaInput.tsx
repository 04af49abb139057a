import { InputNumber, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatMu } from "../lib/format";

interface Props {
  value?: number | null;
  onChange?: (v: number | null) => void;
  id?: string;
}

/** Area typed in m², with the same area in 亩 beside it. */
export const AreaInput = ({ value, onChange, id }: Props) => {
  const { t } = useTranslation();
  return (
    <Space>
      <InputNumber<number>
        id={id}
        value={value ?? null}
        onChange={(v) => onChange?.(v ?? null)}
        min={0}
        step={100}
        suffix="m²"
        style={{ width: 220 }}
      />
      <Typography.Text type="secondary" aria-live="polite">
        {value !== null && value !== undefined ? `≈ ${formatMu(value, t("area.mu"))}` : ""}
      </Typography.Text>
    </Space>
  );
};
