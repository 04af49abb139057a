/**
 * Query keys of the visit feature. Visits and plans share one root: a new visit moves every
 * plan's coverage and unvisited list, so one invalidation refreshes them all.
 */
export const visitsKey = ["visits"] as const;

export const visitKeys = {
  list: (query: unknown) => [...visitsKey, "list", query] as const,
  one: (id: string | null | undefined) => [...visitsKey, "one", id] as const,
  plans: (query: unknown) => [...visitsKey, "plans", query] as const,
  plan: (id: string) => [...visitsKey, "plan", id] as const,
  preview: (body: unknown) => [...visitsKey, "preview", body] as const,
  coverage: (id: string, period: string | undefined) => [...visitsKey, "coverage", id, period] as const,
  unvisited: (id: string, query: unknown) => [...visitsKey, "unvisited", id, query] as const,
};

/** Other features' roots, invalidated by key (features never import each other). */
export const appealsRoot = ["appeals"] as const;
