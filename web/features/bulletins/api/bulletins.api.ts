import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  BulletinRow,
  GenerateBody,
  ScheduleCreate,
  ScheduleRow,
  ScheduleUpdate,
} from "../../../../common/bulletin.schema";
import type { Page } from "../../../../common/paging";
import { apiDelete, apiDownload, apiGet, apiPatch, apiPost, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";

export const bulletinsKey = ["bulletins"] as const;

const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: bulletinsKey });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

const withoutPaging = (q: QueryParams) => {
  const { page: _p, pageSize: _s, ...filters } = q;
  return filters;
};

/** GET /api/bulletins — the archive */
export const useBulletins = (q: QueryParams) =>
  useQuery({
    queryKey: [...bulletinsKey, "list", q],
    queryFn: ({ signal }) => apiGet<Page<BulletinRow>>("/bulletins", q, signal),
    placeholderData: keepPreviousData,
  });

/** GET /api/bulletins/export */
export const useExportBulletins = () =>
  useMutation({
    mutationFn: (q: QueryParams) => apiDownload("/bulletins/export", withoutPaging(q), "通报档案.xlsx"),
  });

/** GET /api/bulletins/:id/docx | xlsx — the archived file */
export const useDownloadBulletin = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ row, format }: { row: BulletinRow; format: "docx" | "xlsx" }) =>
      apiDownload(`/bulletins/${row.id}/${format}`, {}, format === "docx" ? row.docxName : row.xlsxName),
    onSuccess: done,
  });
};

/** POST /api/bulletins/:id/issue */
export const useIssueBulletin = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (row: BulletinRow) =>
      apiPost<BulletinRow>(`/bulletins/${row.id}/issue`, { version: row.version }),
    onSuccess: done,
  });
};

/** GET /api/bulletin-schedules */
export const useSchedules = (q: QueryParams) =>
  useQuery({
    queryKey: [...bulletinsKey, "schedules", q],
    queryFn: ({ signal }) => apiGet<Page<ScheduleRow>>("/bulletin-schedules", q, signal),
    placeholderData: keepPreviousData,
  });

/** GET /api/bulletin-schedules/export */
export const useExportSchedules = () =>
  useMutation({
    mutationFn: (q: QueryParams) =>
      apiDownload("/bulletin-schedules/export", withoutPaging(q), "通报计划.xlsx"),
  });

export const useSaveSchedule = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ScheduleCreate | ScheduleUpdate }) =>
      id
        ? apiPatch<ScheduleRow>(`/bulletin-schedules/${id}`, body)
        : apiPost<ScheduleRow>("/bulletin-schedules", body),
    onSuccess: done,
  });
};

export const useDeleteSchedule = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiDelete(`/bulletin-schedules/${id}`, { version }),
    onSuccess: done,
  });
};

/** POST /api/bulletin-schedules/:id/generate — draws the charts and writes docx + xlsx (a few seconds) */
export const useGenerateBulletin = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ scheduleId, body }: { scheduleId: string; body: GenerateBody }) =>
      apiPost<BulletinRow>(`/bulletin-schedules/${scheduleId}/generate`, body),
    onSuccess: done,
  });
};

/** Ranking schemes a schedule may print (the KPI API, read here without importing that feature). */
export const useSchemeOptions = () =>
  useQuery({
    queryKey: [...bulletinsKey, "schemes"],
    queryFn: ({ signal }) =>
      apiGet<Page<{ id: string; name: string; regionId: string }>>("/kpi/schemes", { pageSize: 200 }, signal),
  });
