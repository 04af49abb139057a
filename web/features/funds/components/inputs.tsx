import { InputNumber } from "antd";
import type { KeyboardEvent } from "react";
import { FEN_PER_WAN, formatMoney, wanToFen } from "../../../lib/format";

interface Props {
  value?: number | null;
  onChange?: (v: number | null) => void;
  id?: string;
  disabled?: boolean;
  placeholder?: string;
}

/** Money typed in 万元, kept as integer fen. */
export const WanInput = ({ value, onChange, ...rest }: Props) => (
  <InputNumber<number>
    {...rest}
    value={value === null || value === undefined ? null : value / FEN_PER_WAN}
    onChange={(wan) => onChange?.(wan === null || wan === undefined ? null : wanToFen(wan))}
    min={0}
    step={100}
    suffix="万元"
    style={{ width: "100%" }}
  />
);

/** Enter in a date field confirms the typed date instead of submitting the form around it. */
export const enterConfirmsDate = (e: KeyboardEvent<HTMLElement>) => {
  if (e.key === "Enter") e.preventDefault();
};

/** 亿元 from one 亿 up, 万元 below; a dash for nothing. */
export const money = (fen: number | null | undefined) => (fen ? formatMoney(fen) : fen === 0 ? "0" : "—");

/** A leverage as the page states it: "7.41 倍", or n/a without fund money. */
export const leverageText = (x: number | null, na: string) => (x === null ? na : `${x.toFixed(2)} 倍`);
