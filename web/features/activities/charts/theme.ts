/** Canvas text does not inherit CSS fonts: name the CJK faces the page uses. */
export const chartFont =
  "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";

/** One colour per activity kind, in the order of common/activity.schema.ts, then leads. */
export const chartColors = ["#1f5fbf", "#f0a020", "#36a3a0", "#8e5cc2", "#e0604f"];
