import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { JobRunResult, JobView } from "../../../../common/jobs.schema";
import { apiGet, apiPost } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";

const jobsKey = ["jobs"] as const;

/** GET /api/jobs */
export const useJobs = () =>
  useQuery({
    queryKey: jobsKey,
    queryFn: ({ signal }) => apiGet<{ items: JobView[] }>("/jobs", undefined, signal),
    refetchInterval: 30_000,
  });

/** POST /api/jobs/:name/run — runs now and answers with the run's outcome. */
export const useRunJob = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiPost<JobRunResult>(`/jobs/${encodeURIComponent(name)}/run`),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: jobsKey });
      void qc.invalidateQueries({ queryKey: ["notify"] });
      void qc.invalidateQueries({ queryKey: ["notifications"] });
      void qc.invalidateQueries({ queryKey: auditKey });
    },
  });
};
