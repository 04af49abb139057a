import {
  classLabels,
  type IndicatorResult,
  indicatorDefs,
  indicatorNoteLabels,
  missingRuleLabels,
  type ResultClass,
  type SchemeBody,
} from "../../../common/evaluation.schema.js";

const fmt = (v: number | null, digits = 4) =>
  v === null ? "—" : v.toLocaleString("zh-CN", { maximumFractionDigits: digits });

interface ResultLike {
  class: string;
  computedClass: string;
  tReason: string | null;
  forcedReason: string | null;
  overrideReason: string | null;
  sizeGroup: string;
  indicators: IndicatorResult[] | null;
  adjustments: string[] | null;
  base: number;
  bonus: number;
  deduction: number;
  total: number;
  position: number | null;
  population: number | null;
  members: number;
}

/** A card's words: each indicator's sum, then the steps from score to class, as a meeting reads them. */
export function explainResult(scheme: SchemeBody, r: ResultLike) {
  const group = r.sizeGroup === "above" ? "above" : "below";
  const indicators = (r.indicators ?? []).map((i) => {
    const def = indicatorDefs[i.key];
    const rule = scheme[group].find((x) => x.key === i.key);
    const how =
      i.note === null
        ? `${fmt(i.value)} ÷ ${fmt(i.benchmark)} × ${i.weight} = ${fmt(i.score, 2)} 分`
        : i.note === "group_average"
          ? `${indicatorNoteLabels.group_average}：${fmt(i.score, 2)} 分`
          : i.note === "capped"
            ? `${fmt(i.value)} ÷ ${fmt(i.benchmark)} × ${i.weight}，${indicatorNoteLabels.capped}：${fmt(i.score, 2)} 分`
            : `${indicatorNoteLabels[i.note]}${i.note === "missing" && rule ? `（${missingRuleLabels[rule.missing]}）` : ""}：${fmt(i.score, 2)} 分`;
    return { ...i, label: def.label, unit: def.unit, text: how };
  });
  const steps: string[] = [];
  if (r.class === "T" && r.tReason) {
    steps.push(`不参与定级（T 类）：${r.tReason}`);
  } else {
    if (r.members > 1) steps.push(`与同一土地证的 ${r.members - 1} 家企业合并评价，指标按合计数计算`);
    steps.push(
      `指标得分合计 ${fmt(r.base, 2)} 分${r.bonus ? `，加分 ${fmt(r.bonus, 2)}` : ""}${r.deduction ? `，减分 ${fmt(r.deduction, 2)}` : ""}，总分 ${fmt(r.total, 2)} 分`,
    );
    if (r.adjustments?.length) steps.push(`加减分项：${r.adjustments.join("、")}`);
    const rule = scheme.classRule;
    if (rule.kind === "percentile" && r.position !== null && r.population) {
      const share = (r.position / r.population) * 100;
      const within =
        rule.rankWithin === "size" ? (group === "above" ? "规上企业中" : "规下企业中") : "参评企业中";
      steps.push(
        `在${within}排第 ${r.position} 名（共 ${r.population} 家，位于前 ${fmt(share, 1)}%）；分档：A 前 ${rule.cuts[0]}%、B 前 ${rule.cuts[1]}%、C 前 ${rule.cuts[2]}%、其余 D${rule.ties === "better" ? "；同分取较优档" : "；同分取较低档"}`,
      );
    } else if (rule.kind === "threshold") {
      steps.push(
        `分数线：A ≥ ${rule.thresholds[0]}，B ≥ ${rule.thresholds[1]}，C ≥ ${rule.thresholds[2]}，其余 D`,
      );
    }
    steps.push(`按得分定为 ${classLabels[r.computedClass as ResultClass]}`);
    if (r.forcedReason)
      steps.push(`负面清单：${r.forcedReason}，定为 ${classLabels[r.class as ResultClass]}`);
  }
  if (r.overrideReason) steps.push(`人工调整为 ${classLabels[r.class as ResultClass]}：${r.overrideReason}`);
  return { indicators, steps };
}
