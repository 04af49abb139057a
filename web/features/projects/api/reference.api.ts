import { useQuery } from "@tanstack/react-query";
import type { Role } from "../../../../common/enums";
import { apiGet } from "../../../lib/api";

export interface InvestorOption {
  id: string;
  name: string;
  uscc: string | null;
  regionName: string;
  parkName: string | null;
}

/** GET /api/enterprises?q= — investors by name fragment or pinyin, within the user's scope. */
export const useInvestorSearch = (q: string) =>
  useQuery({
    queryKey: ["enterprises", "list", { q, pageSize: 20, for: "projects" }],
    queryFn: ({ signal }) =>
      apiGet<{ items: InvestorOption[] }>("/enterprises", { q: q || undefined, pageSize: 20 }, signal).then(
        (r) => r.items,
      ),
    staleTime: 30_000,
  });

export interface Person {
  id: string;
  name: string;
  username: string;
}

/** GET /api/people?role=&q= — colleagues by role, open to staff without user-admin rights. */
export const usePeople = (role: Role, q: string) =>
  useQuery({
    queryKey: ["people", role, q],
    queryFn: ({ signal }) =>
      apiGet<{ items: Person[] }>("/people", { role, q: q || undefined }, signal).then((r) => r.items),
    staleTime: 5 * 60_000,
  });

export interface ProjectTeam {
  id: string;
  name: string;
  regionName: string;
  parkName: string | null;
}

/** GET /api/projects/teams — the teams of the user's region a project can be registered or credited to. */
export const useProjectTeams = (q: string) =>
  useQuery({
    queryKey: ["projects", "teams", q],
    queryFn: ({ signal }) =>
      apiGet<{ items: ProjectTeam[] }>("/projects/teams", { q: q || undefined }, signal).then((r) => r.items),
    staleTime: 5 * 60_000,
  });

type Named = { id: string; name: string };

/**
 * A region, park or department's name by id, for tables whose rows carry ids
 * only (node templates). Cached long: reference data changes rarely.
 */
export const useRecordName = (kind: "regions" | "parks" | "departments", id: string | null) =>
  useQuery({
    queryKey: [kind, "one", id],
    queryFn: ({ signal }) => apiGet<Named>(`/${kind}/${id}`, undefined, signal),
    enabled: Boolean(id),
    staleTime: 10 * 60_000,
    select: (r) => r.name,
  });
