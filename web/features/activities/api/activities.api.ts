import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ActivityRow,
  ActivityStats,
  ActivitySubjectType,
  activityCreate,
  activityUpdate,
  TimelineItem,
} from "../../../../common/activity.schema";
import type { Page } from "../../../../common/paging";
import { apiDelete, apiDownload, apiGet, apiPatch, apiPost, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import { activitiesKey, activityKeys } from "./keys";

export type ActivityCreateBody = z.input<typeof activityCreate>;
export type ActivityUpdateBody = z.input<typeof activityUpdate>;

/** GET /api/activities */
export const useActivities = (query: QueryParams) =>
  useQuery({
    queryKey: activityKeys.list(query),
    queryFn: ({ signal }) => apiGet<Page<ActivityRow>>("/activities", query, signal),
    placeholderData: keepPreviousData,
  });

/** GET /api/activities/:id */
export const useActivity = (id: string | null | undefined) =>
  useQuery({
    queryKey: activityKeys.one(id),
    queryFn: ({ signal }) => apiGet<ActivityRow>(`/activities/${id}`, undefined, signal),
    enabled: Boolean(id),
  });

/** GET /api/activities/timeline — every activity linked to a record, newest first. */
export const useTimeline = (subjectType: ActivitySubjectType, subjectId: string) =>
  useQuery({
    queryKey: activityKeys.timeline(subjectType, subjectId),
    queryFn: ({ signal }) =>
      apiGet<{ items: TimelineItem[] }>("/activities/timeline", { subjectType, subjectId }, signal).then(
        (r) => r.items,
      ),
  });

/** GET /api/activities/stats */
export const useActivityStats = (query: QueryParams) =>
  useQuery({
    queryKey: activityKeys.stats(query),
    queryFn: ({ signal }) => apiGet<ActivityStats>("/activities/stats", query, signal),
    placeholderData: keepPreviousData,
  });

// A write moves lists, stats, timelines and the audit trail.
const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: activitiesKey });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** POST /api/activities */
export const useCreateActivity = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: ActivityCreateBody) => apiPost<ActivityRow>("/activities", body),
    onSuccess: done,
  });
};

/** PATCH /api/activities/:id (with `version`; 409 when stale) */
export const useUpdateActivity = () => {
  const qc = useQueryClient();
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ActivityUpdateBody }) =>
      apiPatch<ActivityRow>(`/activities/${id}`, body),
    onSuccess: (saved) => {
      qc.setQueryData(activityKeys.one(saved.id), saved);
      done();
    },
  });
};

/** DELETE /api/activities/:id?version= */
export const useDeleteActivity = () => {
  const qc = useQueryClient();
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiDelete(`/activities/${id}`, { version }),
    onSuccess: (_r, { id }) => qc.removeQueries({ queryKey: activityKeys.one(id) }),
    onSettled: done,
  });
};

/** GET /api/activities/export — the list's filters, without its paging. */
export const useExportActivities = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (query: QueryParams) => {
      const { page: _p, pageSize: _s, ...filters } = query;
      return apiDownload("/activities/export", filters, "招商活动台账.xlsx");
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};
