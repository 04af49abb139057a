import { useQuery } from "@tanstack/react-query";
import type { IndustryNode } from "../../../../common/enterprise.schema";
import type { Role } from "../../../../common/enums";
import { apiGet } from "../../../lib/api";

/** GET /api/industries — GB/T 4754-2017 does not change while the app runs: fetched once. */
export const useIndustries = () =>
  useQuery({
    queryKey: ["industries"],
    queryFn: ({ signal }) =>
      apiGet<{ items: IndustryNode[] }>("/industries", undefined, signal).then((r) => r.items),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
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
