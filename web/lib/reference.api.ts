import { useQueries, useQuery } from "@tanstack/react-query";
import type { Role } from "../../common/enums";
import { apiGet } from "./api";

/**
 * Reference data the pickers of several features search: firms, projects, colleagues and the
 * teams a project is credited to. The keys sit under the owning domain's root, so a write there
 * (a new firm, a renamed project) refreshes the pickers too.
 */

export interface FirmOption {
  id: string;
  name: string;
  uscc: string | null;
  regionId: string;
  parkId: string | null;
  parkName: string | null;
}

/** GET /api/enterprises?q= — firms of the user's scope, by name fragment, pinyin or USCC. */
export const useFirmSearch = <T = FirmOption[]>(q: string, select?: (rows: FirmOption[]) => T) =>
  useQuery<FirmOption[], Error, T>({
    queryKey: ["enterprises", "list", { q, pageSize: 20, for: "picker" }],
    queryFn: ({ signal }) =>
      apiGet<{ items: FirmOption[] }>("/enterprises", { q: q || undefined, pageSize: 20 }, signal).then(
        (r) => r.items,
      ),
    staleTime: 30_000,
    select,
  });

/**
 * GET /api/enterprises/:id — a stored choice's name (a filter read from the URL). Same key and
 * answer as the enterprise page's own query, so it is fetched once.
 */
export const useFirm = (id: string | null | undefined) =>
  useQuery({
    queryKey: ["enterprises", "one", id],
    queryFn: ({ signal }) => apiGet<FirmOption>(`/enterprises/${id}`, undefined, signal),
    enabled: Boolean(id),
    staleTime: 60_000,
  });

export interface ProjectOption {
  id: string;
  name: string;
  code: string;
  investorName: string;
  regionId: string;
  parkId: string | null;
  parkName: string | null;
  teamId: string | null;
  teamName: string | null;
}

/** GET /api/projects?q= — projects of the user's scope, by name, code or investor. */
export const useProjectSearch = <T = ProjectOption[]>(q: string, select?: (rows: ProjectOption[]) => T) =>
  useQuery<ProjectOption[], Error, T>({
    queryKey: ["projects", "list", { q, pageSize: 20, for: "picker" }],
    queryFn: ({ signal }) =>
      apiGet<{ items: ProjectOption[] }>("/projects", { q: q || undefined, pageSize: 20 }, signal).then(
        (r) => r.items,
      ),
    staleTime: 30_000,
    select,
  });

export interface Person {
  id: string;
  name: string;
  username: string;
}

const peopleQuery = (role: Role, q: string) => ({
  queryKey: ["people", role, q],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    apiGet<{ items: Person[] }>("/people", { role, q: q || undefined }, signal).then((r) => r.items),
  staleTime: 5 * 60_000,
});

/** GET /api/people?role=&q= — colleagues by role, open to staff without user-admin rights. */
export const usePeople = (role: Role, q: string) => useQuery(peopleQuery(role, q));

/** GET /api/people?role=&q= for each role, merged in the roles' order. */
export const usePeopleOfRoles = (roles: readonly Role[], q: string) => {
  const results = useQueries({ queries: roles.map((role) => peopleQuery(role, q)) });
  const seen = new Set<string>();
  const people: Person[] = [];
  for (const r of results)
    for (const p of r.data ?? [])
      if (!seen.has(p.id)) {
        seen.add(p.id);
        people.push(p);
      }
  return { people, loading: results.some((r) => r.isFetching) };
};

export interface ProjectTeam {
  id: string;
  name: string;
  regionName: string;
  parkName: string | null;
}

/**
 * GET /api/projects/teams — the teams of the user's home region and scope, the ones a project is
 * registered by or credited to; a park-scoped officer sees their 驻点 team here, though
 * /api/teams shows them none.
 */
export const useProjectTeams = (q: string) =>
  useQuery({
    queryKey: ["projects", "teams", q],
    queryFn: ({ signal }) =>
      apiGet<{ items: ProjectTeam[] }>("/projects/teams", { q: q || undefined }, signal).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
