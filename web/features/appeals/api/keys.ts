/**
 * Query keys of the appeal feature. Appeals, their figures and the deadlines share one root: every
 * action moves the lists, the detail, the figures and the enterprise page's tab at once.
 */
export const appealsKey = ["appeals"] as const;

export const appealKeys = {
  list: (query: unknown) => [...appealsKey, "list", query] as const,
  one: (id: string) => [...appealsKey, "one", id] as const,
  figures: (query: unknown) => [...appealsKey, "figures", query] as const,
  departments: (enterpriseId: string | null | undefined, q: string) =>
    [...appealsKey, "departments", enterpriseId, q] as const,
  deadlines: (regionId: string | null | undefined) => [...appealsKey, "deadlines", regionId] as const,
  firm: (id: string | null | undefined) => [...appealsKey, "firm", id] as const,
};

/** Invitations sit on the enterprise page; the public accept page reads one by its token. */
export const invitationsKey = ["invitations"] as const;
export const invitationKeys = {
  ofFirm: (enterpriseId: string) => [...invitationsKey, "firm", enterpriseId] as const,
  accounts: (enterpriseId: string) => [...invitationsKey, "accounts", enterpriseId] as const,
  token: (token: string) => [...invitationsKey, "token", token] as const,
};
