import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../common/paging";
import type {
  MeetingDetail,
  MeetingRow,
  meetingCreate,
  meetingItemCreate,
  meetingUpdate,
} from "../../../../common/problem.schema";
import { apiDownload, apiGet, apiPatch, apiPost, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import { problemKeys, problemsKey, projectsRoot } from "./keys";

export type MeetingCreateBody = z.input<typeof meetingCreate>;
export type MeetingUpdateBody = z.input<typeof meetingUpdate>;
export type MeetingItemBody = z.input<typeof meetingItemCreate>;

/** GET /api/meetings — newest first. */
export const useMeetings = (query: QueryParams) =>
  useQuery({
    queryKey: problemKeys.meetings(query),
    queryFn: ({ signal }) => apiGet<Page<MeetingRow>>("/meetings", query, signal),
    placeholderData: keepPreviousData,
  });

/** GET /api/meetings/:id — with the problems discussed. */
export const useMeeting = (id: string) =>
  useQuery({
    queryKey: problemKeys.meeting(id),
    queryFn: ({ signal }) => apiGet<MeetingDetail>(`/meetings/${id}`, undefined, signal),
    enabled: Boolean(id),
    retry: false,
  });

const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: problemsKey });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** POST /api/meetings */
export const useCreateMeeting = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: MeetingCreateBody) => apiPost<MeetingRow>("/meetings", body),
    onSuccess: done,
  });
};

/** PATCH /api/meetings/:id (with `version`; 409 when stale) */
export const useUpdateMeeting = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: MeetingUpdateBody }) =>
      apiPatch<MeetingRow>(`/meetings/${id}`, body),
    onSuccess: done,
  });
};

/** POST /api/meetings/:id/items — a new assignment moves the problem too. */
export const useAddMeetingItem = () => {
  const qc = useQueryClient();
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: MeetingItemBody }) =>
      apiPost<MeetingDetail>(`/meetings/${id}/items`, body),
    onSuccess: (saved) => {
      qc.setQueryData(problemKeys.meeting(saved.id), saved);
      done();
      void qc.invalidateQueries({ queryKey: projectsRoot });
    },
  });
};

/** GET /api/meetings/export */
export const useExportMeetings = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (query: QueryParams) => {
      const { page: _p, pageSize: _s, ...filters } = query;
      return apiDownload("/meetings/export", filters, "会议记录.xlsx");
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};
