/** Canvas text does not inherit CSS fonts: name the CJK faces the page uses. */
export const chartFont =
  "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";

/** Open in the app's blue, overdue in red. */
export const chartColors = ["#1f5fbf", "#cf1322", "#36a3a0"];
