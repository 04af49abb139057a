import { useQuery } from "@tanstack/react-query";
import type { IndustryNode } from "../../../../common/enterprise.schema";
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
