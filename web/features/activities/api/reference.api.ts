import { useQueries, useQuery } from "@tanstack/react-query";
import type { Role } from "../../../../common/enums";
import { apiGet } from "../../../lib/api";

export interface SubjectOption {
  id: string;
  name: string;
  /** what tells two of the same name apart: the investor of a project, the park of a firm */
  hint: string | null;
  regionId: string;
  parkId: string | null;
  parkName: string | null;
  teamId: string | null;
  teamName: string | null;
}

interface ProjectHit {
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
interface EnterpriseHit {
  id: string;
  name: string;
  parkName: string | null;
  regionId: string;
  parkId: string | null;
}

/** GET /api/projects?q= — projects to link, by name, code or investor. */
export const useProjectSearch = (q: string, enabled = true) =>
  useQuery({
    queryKey: ["projects", "list", { q, pageSize: 20, for: "activities" }],
    queryFn: ({ signal }) =>
      apiGet<{ items: ProjectHit[] }>("/projects", { q: q || undefined, pageSize: 20 }, signal).then((r) =>
        r.items.map(
          (p): SubjectOption => ({
            id: p.id,
            name: p.name,
            hint: `${p.code} · ${p.investorName}`,
            regionId: p.regionId,
            parkId: p.parkId,
            parkName: p.parkName,
            teamId: p.teamId,
            teamName: p.teamName,
          }),
        ),
      ),
    staleTime: 30_000,
    enabled,
  });

/** GET /api/enterprises?q= — firms to link, by name fragment or pinyin. */
export const useEnterpriseSearch = (q: string, enabled = true) =>
  useQuery({
    queryKey: ["enterprises", "list", { q, pageSize: 20, for: "activities" }],
    queryFn: ({ signal }) =>
      apiGet<{ items: EnterpriseHit[] }>("/enterprises", { q: q || undefined, pageSize: 20 }, signal).then(
        (r) =>
          r.items.map(
            (e): SubjectOption => ({
              id: e.id,
              name: e.name,
              hint: e.parkName,
              regionId: e.regionId,
              parkId: e.parkId,
              parkName: e.parkName,
              teamId: null,
              teamName: null,
            }),
          ),
      ),
    staleTime: 30_000,
    enabled,
  });

export interface Person {
  id: string;
  name: string;
  username: string;
}

/** The staff who go on activities: officers, team leads, service specialists and leaders. */
const participantRoles: Role[] = ["officer", "team_lead", "service_specialist", "leader"];

/** GET /api/people?role=&q= for each participant role, merged. */
export const useParticipants = (q: string) => {
  const results = useQueries({
    queries: participantRoles.map((role) => ({
      queryKey: ["people", role, q],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiGet<{ items: Person[] }>("/people", { role, q: q || undefined }, signal).then((r) => r.items),
      staleTime: 5 * 60_000,
    })),
  });
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

export interface Named {
  id: string;
  name: string;
}

/** GET /api/parks — the parks in the user's scope, optionally of one region. */
export const useParkOptions = (q: string, regionId: string | null | undefined) =>
  useQuery({
    queryKey: ["parks", "list", { q, regionId, pageSize: 50, for: "activities" }],
    queryFn: ({ signal }) =>
      apiGet<{ items: Named[] }>(
        "/parks",
        { q: q || undefined, regionId: regionId ?? undefined, pageSize: 50 },
        signal,
      ).then((r) => r.items),
    staleTime: 5 * 60_000,
  });

/**
 * GET /api/projects/teams — the teams of the user's home region and scope: a park-scoped officer
 * files a trip under the 驻点 team they went with, though /api/teams shows them none.
 */
export const useTeamOptions = (q: string) =>
  useQuery({
    queryKey: ["projects", "teams", q],
    queryFn: ({ signal }) =>
      apiGet<{ items: Named[] }>("/projects/teams", { q: q || undefined }, signal).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
