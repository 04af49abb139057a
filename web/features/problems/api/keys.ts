/**
 * Query keys of the problem feature. Problems and meetings share one root: a meeting item
 * reassigns a problem, and every action moves the lists, the figures and the timelines at once.
 */
export const problemsKey = ["problems"] as const;

export const problemKeys = {
  list: (query: unknown) => [...problemsKey, "list", query] as const,
  one: (id: string | null | undefined) => [...problemsKey, "one", id] as const,
  events: (id: string) => [...problemsKey, "events", id] as const,
  figures: (query: unknown) => [...problemsKey, "figures", query] as const,
  departments: (regionId: string | null | undefined, q: string) =>
    [...problemsKey, "departments", regionId, q] as const,
  meetings: (query: unknown) => [...problemsKey, "meetings", query] as const,
  meeting: (id: string) => [...problemsKey, "meeting", id] as const,
};

/** The project feature's root: its pipeline counts open problems. */
export const projectsRoot = ["projects"] as const;
