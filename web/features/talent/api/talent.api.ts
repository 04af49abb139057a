import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AppealRow } from "../../../../common/appeal.schema";
import type { Page } from "../../../../common/paging";
import type { ReviewRow } from "../../../../common/review.schema";
import type {
  AllocationRow,
  InstalmentRow,
  OccupancyRow,
  ProgrammeRow,
  RewardRow,
  RoundRow,
  TalentFigureRow,
  TalentPersonal,
  TalentProjectRow,
  TalentRow,
  UnitRow,
} from "../../../../common/talent.schema";
import { apiDelete, apiDownload, apiGet, apiPatch, apiPost, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";

/** One root: a payout moves the project, the ledger and the figures alike. */
const root = ["talent"] as const;
const k = (...parts: unknown[]) => [...root, ...parts] as const;

const useList = <T>(path: string, query: QueryParams) =>
  useQuery({
    queryKey: k(path, query),
    queryFn: ({ signal }) => apiGet<Page<T>>(path, query, signal),
    placeholderData: keepPreviousData,
  });
const useOne = <T>(path: string, enabled = true) =>
  useQuery({
    queryKey: k(path),
    queryFn: ({ signal }) => apiGet<T>(path, undefined, signal),
    enabled,
    retry: false,
  });

export const useProgrammes = (q: QueryParams = { pageSize: 100 }) =>
  useList<ProgrammeRow>("/talent-programmes", q);
export const useRounds = (q: QueryParams) => useList<RoundRow>("/talent-rounds", q);
export const useTalents = (q: QueryParams) => useList<TalentRow>("/talents", q);
export const useTalent = (id: string | null) => useOne<TalentRow>(`/talents/${id}`, Boolean(id));
export const useTalentProjects = (q: QueryParams) => useList<TalentProjectRow>("/talent-projects", q);
export const useTalentProject = (id: string) => useOne<TalentProjectRow>(`/talent-projects/${id}`);
export const useInstalments = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: k("instalments", id),
    queryFn: ({ signal }) =>
      apiGet<{ items: InstalmentRow[] }>(`/talent-projects/${id}/instalments`, undefined, signal).then(
        (r) => r.items,
      ),
    enabled,
  });
export const useRewards = (q: QueryParams) => useList<RewardRow>("/talent-rewards", q);
export const useUnits = (q: QueryParams) => useList<UnitRow>("/talent-units", q);
export const useUnit = (id: string | null) => useOne<UnitRow>(`/talent-units/${id}`, Boolean(id));
export const useOccupancy = (parkId?: string) =>
  useQuery({
    queryKey: k("occupancy", parkId),
    queryFn: ({ signal }) =>
      apiGet<{ items: OccupancyRow[] }>("/talent-units/occupancy", { parkId }, signal).then((r) => r.items),
  });
export const useUnitAllocations = (id: string | null) =>
  useQuery({
    queryKey: k("unit-allocations", id),
    queryFn: ({ signal }) =>
      apiGet<{ items: AllocationRow[] }>(`/talent-units/${id}/allocations`, undefined, signal).then(
        (r) => r.items,
      ),
    enabled: Boolean(id),
  });
export const useTalentAllocations = (id: string) =>
  useQuery({
    queryKey: k("talent-allocations", id),
    queryFn: ({ signal }) =>
      apiGet<{ items: AllocationRow[] }>(`/talents/${id}/allocations`, undefined, signal).then(
        (r) => r.items,
      ),
  });
export const useTalentAppeals = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: k("talent-appeals", id),
    queryFn: ({ signal }) =>
      apiGet<{ items: AppealRow[] }>(`/talents/${id}/appeals`, undefined, signal).then((r) => r.items),
    enabled,
  });
export const usePersonal = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: k("personal", id),
    queryFn: ({ signal }) => apiGet<TalentPersonal>(`/talents/${id}/personal`, undefined, signal),
    enabled,
    retry: false,
  });
export const useFigures = (year: number) =>
  useQuery({
    queryKey: k("figures", year),
    queryFn: ({ signal }) =>
      apiGet<{ year: number; items: TalentFigureRow[] }>("/talent-figures", { year }, signal).then(
        (r) => r.items,
      ),
  });
export const useReviews = (projectId: string) =>
  useQuery({
    queryKey: k("reviews", projectId),
    queryFn: ({ signal }) =>
      apiGet<{ items: ReviewRow[] }>(
        "/reviews",
        { subjectType: "talent_project", subjectId: projectId },
        signal,
      ).then((r) => r.items),
  });

const useDone = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: root });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};
/** A write to the API; every one refreshes the feature's queries and the audit trail. */
export const useWrite = <V, T = unknown>(fn: (v: V) => Promise<T>) => {
  const done = useDone();
  return useMutation({ mutationFn: fn, onSuccess: done });
};
export const post =
  <T>(path: string) =>
  (body: unknown) =>
    apiPost<T>(path, body);
export const useCreate = <T>(path: string) => useWrite((b: Record<string, unknown>) => apiPost<T>(path, b));
export const useUpdate = <T>(path: string) =>
  useWrite(({ id, body }: { id: string; body: Record<string, unknown> }) =>
    apiPatch<T>(`${path}/${id}`, body),
  );
export const useRemove = (path: string) =>
  useWrite((r: { id: string; version: number }) => apiDelete(`${path}/${r.id}`, { version: r.version }));
export const useExport = (path: string, filename: string) =>
  useMutation({ mutationFn: (q: QueryParams) => apiDownload(`${path}/export`, q, filename) });
