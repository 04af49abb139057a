import { QueryClient } from "@tanstack/react-query";
import { isApiError } from "../lib/api";

/** A refusal (4xx) will not change on retry; a dropped connection or a 503 may. */
const shouldRetry = (failures: number, error: unknown): boolean => {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
};

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});
