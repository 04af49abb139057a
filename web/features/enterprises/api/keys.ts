/**
 * Query keys of the enterprise feature. Everything about firms sits under one
 * root, so a write invalidates lists, pages, labels, years, the ladder and the
 * duplicate groups together.
 */
export const enterprisesKey = ["enterprises"] as const;

export const enterpriseKeys = {
  list: (query: unknown) => [...enterprisesKey, "list", query] as const,
  one: (id: string | null | undefined) => [...enterprisesKey, "one", id] as const,
  labels: (id: string) => [...enterprisesKey, "labels", id] as const,
  years: (id: string) => [...enterprisesKey, "years", id] as const,
  neighbours: (id: string) => [...enterprisesKey, "neighbours", id] as const,
  ladder: [...enterprisesKey, "ladder"] as const,
  duplicates: [...enterprisesKey, "duplicates"] as const,
};
