/**
 * Query keys of the review feature. Experts and reviews sit under one root:
 * a draw, a score or a conclusion changes a project's reviews and the
 * expert's own list at once.
 */
export const reviewsKey = ["reviews"] as const;

export const reviewKeys = {
  experts: (query: unknown) => [...reviewsKey, "experts", query] as const,
  expert: (id: string | null | undefined) => [...reviewsKey, "expert", id] as const,
  ofSubject: (subjectType: string, subjectId: string) =>
    [...reviewsKey, "subject", subjectType, subjectId] as const,
  mine: [...reviewsKey, "mine"] as const,
  one: (id: string | null | undefined) => [...reviewsKey, "one", id] as const,
  project: (id: string | null | undefined) => [...reviewsKey, "project", id] as const,
  accounts: (q: string) => [...reviewsKey, "accounts", q] as const,
  firms: (q: string) => [...reviewsKey, "firms", q] as const,
  firm: (id: string) => [...reviewsKey, "firm", id] as const,
};
