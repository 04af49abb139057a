import { InputNumber } from "antd";
import type { CSSProperties } from "react";
import { FEN_PER_WAN, wanToFen } from "../../../lib/format";

interface Props {
  /** Integer fen (US cents for USD): what the API stores. */
  value?: number | null;
  onChange?: (fen: number | null) => void;
  /** "万元" or "万美元"; left out where a currency picker beside it says it. */
  unit?: string;
  id?: string;
  min?: number;
  style?: CSSProperties;
  disabled?: boolean;
}

/** Money typed in 万 (ten thousands), kept as integer fen: 1 万元 = 1,000,000 fen. */
export const MoneyInput = ({ value, onChange, unit, min = 0, style, ...rest }: Props) => (
  <InputNumber<number>
    {...rest}
    value={value === null || value === undefined ? null : value / FEN_PER_WAN}
    onChange={(wan) => onChange?.(wan === null || wan === undefined ? null : wanToFen(wan))}
    min={min}
    step={10}
    suffix={unit}
    style={{ width: "100%", ...style }}
  />
);
