import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { OverridePut, WorkdayCalendar, WorkdayOverride } from "../../../../common/workdays.schema";
import { apiDelete, apiGet, apiRequest } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";

const workdaysKey = ["workdays"] as const;

/** GET /api/workdays?year= — the whole year, day by day. */
export const useWorkdayYear = (year: number) =>
  useQuery({
    queryKey: [...workdaysKey, "calendar", year],
    queryFn: ({ signal }) => apiGet<WorkdayCalendar>("/workdays", { year }, signal),
  });

/** GET /api/workdays/overrides?year= — the administrator's adjustments, with their versions. */
export const useWorkdayOverrides = (year: number) =>
  useQuery({
    queryKey: [...workdaysKey, "overrides", year],
    queryFn: ({ signal }) =>
      apiGet<{ items: WorkdayOverride[] }>("/workdays/overrides", { year }, signal).then((r) => r.items),
  });

/** Any override change rebuilds the whole calendar (and writes audit entries). */
const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: workdaysKey });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** PUT /api/workdays/overrides/:day */
export const useSetWorkdayOverride = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ day, ...body }: OverridePut & { day: string }) =>
      apiRequest<WorkdayOverride>(`/workdays/overrides/${day}`, { method: "PUT", body }),
    onSettled: invalidate,
  });
};

/** DELETE /api/workdays/overrides/:day?version= — back to what chinese-days and weekends say. */
export const useRemoveWorkdayOverride = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ day, version }: { day: string; version: number }) =>
      apiDelete(`/workdays/overrides/${day}`, { version }),
    onSettled: invalidate,
  });
};
