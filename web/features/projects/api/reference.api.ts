import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../../../lib/api";

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
