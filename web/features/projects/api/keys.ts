/**
 * Query keys of the project feature. Everything sits under one root: a stage
 * move changes the list, the board, the pipeline and the nodes at once, and a
 * completed node changes the overdue counts of the lists.
 */
export const projectsKey = ["projects"] as const;

export const projectKeys = {
  list: (query: unknown) => [...projectsKey, "list", query] as const,
  one: (id: string | null | undefined) => [...projectsKey, "one", id] as const,
  stages: (id: string) => [...projectsKey, "stages", id] as const,
  credits: (id: string) => [...projectsKey, "credits", id] as const,
  contract: (id: string) => [...projectsKey, "contract", id] as const,
  projectNodes: (id: string) => [...projectsKey, "projectNodes", id] as const,
  nodes: (query: unknown) => [...projectsKey, "nodes", query] as const,
  pipeline: (query: unknown) => [...projectsKey, "pipeline", query] as const,
  templates: [...projectsKey, "templates"] as const,
  funds: (id: string) => [...projectsKey, "funds", id] as const,
  actuals: (id: string) => [...projectsKey, "actuals", id] as const,
  performance: (id: string) => [...projectsKey, "performance", id] as const,
  fundSummary: (query: unknown) => [...projectsKey, "fundSummary", query] as const,
};
