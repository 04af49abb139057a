import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ImportCorrection,
  ImportCounts,
  ImportError,
  MappingEntry,
} from "../../../../common/import.types";
import { apiDownload, apiGet, apiPatch, apiPost, apiUpload } from "../../../lib/api";

export type ImportStatus =
  | "uploaded"
  | "validating"
  | "validated"
  | "invalid"
  | "committing"
  | "committed"
  | "failed"
  | "expired";

export interface ImportColumnInfo {
  key: string;
  label: string;
  type: string;
  unit?: string;
  required?: boolean;
  allowUsd?: boolean;
  /** units the column accepts, when it is a quantity */
  units?: string[];
}
export type { ImportCorrection, ImportError, MappingEntry };

export interface ImportJob {
  id: string;
  entity: string;
  label: string;
  fileName: string;
  status: ImportStatus;
  headerRow: number;
  mapping: MappingEntry[];
  options: Record<string, unknown>;
  corrections: ImportCorrection[];
  counts: ImportCounts | null;
  errors: ImportError[];
  skipped: { rowNo: number; reason: string }[];
  message: string | null;
  columns: ImportColumnInfo[];
  preview: { rowNo: number; cells: (string | null)[] }[];
  progress: { phase: "checking" | "committing"; done: number; total: number } | null;
  createdAt: string;
}
export interface ImportSummary {
  id: string;
  entity: string;
  fileName: string;
  status: ImportStatus;
  counts: ImportCounts | null;
  createdAt: string;
}
export interface ImportChange {
  headerRow?: number;
  mapping?: { index: number; key: string | null; unit?: string | null }[];
  options?: Record<string, unknown>;
  corrections?: ImportCorrection[];
}

const importsKey = ["imports"] as const;
const jobKey = (id: string | null) => [...importsKey, "job", id] as const;
const busy = (s: ImportStatus | undefined) => s === "validating" || s === "committing";

/**
 * GET /api/imports/:id, polled while the dry run or the commit runs. When a commit is seen to
 * finish, every other list is refreshed: each may show the imported rows.
 */
export const useImportJob = (id: string | null) => {
  const qc = useQueryClient();
  return useQuery({
    queryKey: jobKey(id),
    queryFn: async ({ signal }) => {
      const before = qc.getQueryData<ImportJob>(jobKey(id))?.status;
      const job = await apiGet<ImportJob>(`/imports/${id}`, undefined, signal);
      if (before === "committing" && job.status === "committed")
        void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "imports" });
      return job;
    },
    enabled: Boolean(id),
    refetchInterval: (q) => (busy(q.state.data?.status) ? 400 : false),
  });
};

/** GET /api/imports?entity= — the user's own recent jobs */
export const useRecentImports = (entity: string) =>
  useQuery({
    queryKey: [...importsKey, "recent", entity],
    queryFn: ({ signal }) => apiGet<{ items: ImportSummary[] }>("/imports", { entity }, signal),
  });

/** Each step answers with the job as it now is. */
const useJobStep = <A>(call: (arg: A) => Promise<ImportJob>) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (job) => {
      qc.setQueryData(jobKey(job.id), job);
      void qc.invalidateQueries({ queryKey: [...importsKey, "recent"] });
    },
  });
};

/** POST /api/imports (multipart: entity, then the file) */
export const useStartImport = () =>
  useJobStep(
    ({ entity, file, onProgress }: { entity: string; file: File; onProgress: (f: number) => void }) => {
      const form = new FormData();
      form.append("entity", entity);
      form.append("file", file, file.name);
      return apiUpload<ImportJob>("/imports", form, onProgress);
    },
  );

/** PATCH /api/imports/:id — header row, mapping, options, corrected cells */
export const useUpdateImport = () =>
  useJobStep(({ id, change }: { id: string; change: ImportChange }) =>
    apiPatch<ImportJob>(`/imports/${id}`, change),
  );

/** POST /api/imports/:id/validate — the dry run */
export const useValidateImport = () =>
  useJobStep((id: string) => apiPost<ImportJob>(`/imports/${id}/validate`));

/** POST /api/imports/:id/commit — all or nothing, in the background (the job is polled) */
export const useCommitImport = () => useJobStep((id: string) => apiPost<ImportJob>(`/imports/${id}/commit`));

/** GET /api/imports/:id/report — the dry run's problems as xlsx */
export const downloadImportReport = (job: ImportJob) =>
  apiDownload(`/imports/${job.id}/report`, {}, `${job.fileName}-错误报告.xlsx`);

/** GET /api/import-templates/:entity */
export const downloadImportTemplate = (entity: string, label: string) =>
  apiDownload(`/import-templates/${entity}`, {}, `${label}导入模板.xlsx`);
