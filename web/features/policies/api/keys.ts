/**
 * Query keys of the policy feature. Clauses, matches, applications and totals share one root: a new
 * application changes a clause's matches, the firm's 政策匹配, the lists and the totals at once.
 */
export const policiesKey = ["policies"] as const;

export const policyKeys = {
  clauses: (query: unknown) => [...policiesKey, "clauses", query] as const,
  clause: (id: string) => [...policiesKey, "clause", id] as const,
  matches: (id: string, query: unknown) => [...policiesKey, "matches", id, query] as const,
  firmMatches: (enterpriseId: string) => [...policiesKey, "firm-matches", enterpriseId] as const,
  applications: (query: unknown) => [...policiesKey, "applications", query] as const,
  application: (id: string) => [...policiesKey, "application", id] as const,
  totals: (query: unknown) => [...policiesKey, "totals", query] as const,
};
