/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
 * 0-9 and A–Y without I, O, S, V, Z; the last is a check character, mod 31.
 */
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = "length" | "charset" | "region" | "check";

export const usccProblemText: Record<UsccProblem, { zh: string; en: string }> = {
  length: { zh: "统一社会信用代码应为 18 位", en: "A USCC has 18 characters" },
  charset: {
    zh: "统一社会信用代码只能包含数字和除 I、O、S、V、Z 以外的大写字母",
    en: "A USCC uses digits and capital letters except I, O, S, V, Z",
  },
  region: {
    zh: "统一社会信用代码第 3–8 位应为行政区划代码",
    en: "Characters 3–8 of a USCC are a region code",
  },
  check: { zh: "统一社会信用代码校验位不正确", en: "The USCC check character is wrong" },
};

/** The check character for the first 17 characters. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Why a code is not a valid USCC, or null when it is. Lower case and spaces are tolerated by normalizeUscc. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return "length";
  for (const ch of code) if (!CHARSET.includes(ch)) return "charset";
  if (!/^\d{6}$/.test(code.slice(2, 8))) return "region";
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : "check";
}

export const normalizeUscc = (raw: string) => raw.replace(/\s+/g, "").toUpperCase();

/**
 * A well-formed code for demo and generated firms: 91 (enterprise, registered with the market
 * regulator), the region code, a nine-character body from the serial, and the check character.
 */
export function syntheticUscc(regionCode: string, serial: number): string {
  let n = serial;
  let body = "";
  for (let i = 0; i < 9; i++) {
    body = CHARSET[n % 31] + body;
    n = Math.floor(n / 31);
  }
  const first17 = `91${regionCode}${body}`;
  return first17 + usccCheckChar(first17);
}
