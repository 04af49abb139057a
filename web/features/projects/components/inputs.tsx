import { InputNumber } from "antd";
import type { CSSProperties, KeyboardEvent } from "react";
import { FEN_PER_WAN, M2_PER_MU, wanToFen } from "../../../lib/format";

interface Props {
  value?: number | null;
  onChange?: (v: number | null) => void;
  id?: string;
  unit?: string;
  style?: CSSProperties;
  disabled?: boolean;
  placeholder?: string;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Money typed in 万 (万元, or 万美元 for foreign capital), kept as integer fen / US cents. */
export const WanInput = ({ value, onChange, unit, style, ...rest }: Props) => (
  <InputNumber<number>
    {...rest}
    value={value === null || value === undefined ? null : value / FEN_PER_WAN}
    onChange={(wan) => onChange?.(wan === null || wan === undefined ? null : wanToFen(wan))}
    min={0}
    step={100}
    suffix={unit}
    style={{ width: "100%", ...style }}
  />
);

/** Land typed in 亩 (as ledgers count it), kept in m²: 1 亩 = 666.67 m². */
export const MuInput = ({ value, onChange, unit, style, ...rest }: Props) => (
  <InputNumber<number>
    {...rest}
    value={value === null || value === undefined ? null : round(value / M2_PER_MU, 2)}
    onChange={(mu) => onChange?.(mu === null || mu === undefined ? null : round(mu * M2_PER_MU, 2))}
    min={0}
    step={10}
    suffix={unit}
    style={{ width: "100%", ...style }}
  />
);

/** A plain number with its unit (人, m², 万元/亩). */
export const NumberInput = ({
  value,
  onChange,
  unit,
  style,
  integer,
  ...rest
}: Props & { integer?: boolean }) => (
  <InputNumber<number>
    {...rest}
    value={value ?? null}
    onChange={(v) => onChange?.(v ?? null)}
    min={0}
    precision={integer ? 0 : undefined}
    suffix={unit}
    style={{ width: "100%", ...style }}
  />
);

/**
 * Enter in a date field confirms the typed date; without this it would also
 * submit the form around it, before the fields after it are filled.
 */
export const enterConfirmsDate = (e: KeyboardEvent<HTMLElement>) => {
  if (e.key === "Enter") e.preventDefault();
};
