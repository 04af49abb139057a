import { useQueries, useQuery } from "@tanstack/react-query";
import type { Role } from "../../../../common/enums";
import { apiGet } from "../../../lib/api";
import { enterprisesRoot } from "./keys";

export interface FirmOption {
  id: string;
  name: string;
  regionId: string;
  parkName: string | null;
}

/** GET /api/enterprises?q= — the firm a visit is to, by name fragment, pinyin or USCC. */
export const useFirmSearch = (q: string) =>
  useQuery({
    queryKey: [...enterprisesRoot, "list", { q, pageSize: 20, for: "visits" }],
    queryFn: ({ signal }) =>
      apiGet<{ items: FirmOption[] }>("/enterprises", { q: q || undefined, pageSize: 20 }, signal).then(
        (r) => r.items,
      ),
    staleTime: 30_000,
  });

/**
 * GET /api/enterprises/:id — a stored choice's name (a filter read from the URL). Same key and
 * answer as the enterprise page's own query, so it is fetched once.
 */
export const useFirm = (id: string | null | undefined) =>
  useQuery({
    queryKey: [...enterprisesRoot, "one", id],
    queryFn: ({ signal }) => apiGet<FirmOption>(`/enterprises/${id}`, undefined, signal),
    enabled: Boolean(id),
    staleTime: 60_000,
  });

export interface Person {
  id: string;
  name: string;
  username: string;
}

/** The staff who visit firms: service specialists first, then officers and team leads. */
const visitorRoles: Role[] = ["service_specialist", "officer", "team_lead"];

/** GET /api/people?role=&q= for each visiting role, merged. */
export const useVisitors = (q: string) => {
  const results = useQueries({
    queries: visitorRoles.map((role) => ({
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
