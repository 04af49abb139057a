import { ApiError, isApiError } from "../../../lib/api";

/**
 * A VALIDATION refusal whose field paths name the request body (amountRule.amountFen) rewritten
 * to the form's own fields (amountWan), so the message lands under the field the user typed in.
 */
export const remapIssues = (e: unknown, paths: Record<string, string>): unknown => {
  if (!isApiError(e) || !Array.isArray(e.details)) return e;
  const details: unknown[] = e.details.map((d) => {
    if (typeof d !== "object" || d === null) return d;
    const path = (d as { path?: unknown }).path;
    return typeof path === "string" && paths[path] ? { ...d, path: paths[path] } : d;
  });
  return new ApiError(e.status, e.code, e.message, details, e.requestId);
};
