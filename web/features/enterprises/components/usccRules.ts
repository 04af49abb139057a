import type { Rule } from "antd/es/form";
import { normalizeUscc, type UsccProblem, usccProblem, usccProblemText } from "../../../../common/uscc";
import { currentLanguage } from "../../../lib/i18n";

const say = (p: UsccProblem): string => usccProblemText[p][currentLanguage() === "en" ? "en" : "zh"];

/** A character that can never be right, even while the code is still short. */
const badCharacter = (v: string): boolean => usccProblem(v.padEnd(18, "0")) === "charset";

/**
 * The USCC checks of `common/uscc.ts`, early: a wrong character shows while
 * typing, a wrong check character as the 18th is typed, a short code once the
 * field is left. The two rules never say the same thing twice. Blank is
 * allowed (a firm not registered yet); the server checks again.
 */
export const usccRules: Rule[] = [
  {
    validateTrigger: "onChange",
    validator: async (_r, value: unknown) => {
      const v = typeof value === "string" ? normalizeUscc(value) : "";
      if (!v) return;
      if (v.length < 18) {
        if (badCharacter(v)) throw new Error(say("charset"));
        return;
      }
      const problem = usccProblem(v);
      if (problem) throw new Error(say(problem));
    },
  },
  {
    validateTrigger: "onBlur",
    validator: async (_r, value: unknown) => {
      const v = typeof value === "string" ? normalizeUscc(value) : "";
      if (v && v.length < 18 && !badCharacter(v)) throw new Error(say("length"));
    },
  },
];
