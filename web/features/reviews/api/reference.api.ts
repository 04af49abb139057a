import { useQueries, useQuery } from "@tanstack/react-query";
import type { Enterprise } from "../../../../common/enterprise.schema";
import type { Page } from "../../../../common/paging";
import { apiGet } from "../../../lib/api";
import { reviewKeys } from "./keys";

export interface Account {
  id: string;
  name: string;
  username: string;
}

/**
 * GET /api/people?role=expert — the login accounts an expert record may be linked to.
 * Only accounts holding the expert role can score, and the list is open to
 * staff without user-admin rights (a team lead keeps the pool).
 */
export const useExpertAccounts = (q: string) =>
  useQuery({
    queryKey: reviewKeys.accounts(q),
    queryFn: ({ signal }) =>
      apiGet<{ items: Account[] }>("/people", { role: "expert", q: q || undefined }, signal).then(
        (r) => r.items,
      ),
    staleTime: 5 * 60_000,
  });

export type FirmOption = Pick<Enterprise, "id" | "name" | "uscc">;

/** GET /api/enterprises?q= — firms an expert may be tied to, by name, pinyin or USCC. */
export const useFirmSearch = (q: string) =>
  useQuery({
    queryKey: reviewKeys.firms(q),
    queryFn: ({ signal }) =>
      apiGet<Page<FirmOption>>("/enterprises", { q: q || undefined, pageSize: 20 }, signal).then(
        (r) => r.items,
      ),
    staleTime: 60_000,
  });

/** GET /api/enterprises/:id for each stored tie, so the select shows names, not ids. */
export const useFirms = (ids: string[]) =>
  useQueries({
    queries: ids.map((id) => ({
      queryKey: reviewKeys.firm(id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiGet<FirmOption>(`/enterprises/${id}`, undefined, signal),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
