/**
 * Query keys of the activity feature, under one root: a new reception moves the
 * list, the stats and the timelines of every record it is linked to.
 */
export const activitiesKey = ["activities"] as const;

export const activityKeys = {
  list: (query: unknown) => [...activitiesKey, "list", query] as const,
  one: (id: string | null | undefined) => [...activitiesKey, "one", id] as const,
  timeline: (subjectType: string, subjectId: string) =>
    [...activitiesKey, "timeline", subjectType, subjectId] as const,
  stats: (query: unknown) => [...activitiesKey, "stats", query] as const,
};
