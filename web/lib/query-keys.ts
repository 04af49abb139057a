/**
 * Query-key roots shared across features. A feature invalidates another
 * domain's cache by key, never by importing it: a write anywhere adds audit
 * entries, and a settings change alters the session user.
 */
export const sessionKey = ["session"] as const;
export const meKey = ["session", "me"] as const;
export const auditKey = ["audit"] as const;
