import type { Session } from "./session.service.js";

/*
 * The acting user of a session cookie, kept for a few seconds. A page load sends several API
 * calls at once with the same cookie, and each resolved the session anew (Better Auth's session
 * and user rows, then our roles and grants: five queries, most of a small request's time).
 * Changes to a user go through users.service and session.service, which forget the user's
 * entries once committed; another server instance sees the change within SESSION_CACHE_MS. An entry never outlives the
 * session itself.
 */
export const SESSION_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

const entries = new Map<string, { until: number; session: Session }>();

/** The session token in a Cookie header (Better Auth's signed `zhaoyin.session_token`), or null. */
export function sessionToken(cookie: string | null | undefined): string | null {
  const m = /(?:^|;\s*)(?:__Secure-)?zhaoyin\.session_token=([^;]+)/.exec(cookie ?? "");
  return m?.[1] ?? null;
}

export function cachedSession(token: string, now: number): Session | null {
  const hit = entries.get(token);
  if (!hit) return null;
  if (now >= hit.until) {
    entries.delete(token);
    return null;
  }
  return hit.session;
}

/** Keeps a session until `until` (epoch ms). */
export function cacheSession(token: string, session: Session, until: number) {
  // A crude bound: at ten thousand live entries, start again rather than track ages.
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(token, { until, session });
}

export function forgetToken(token: string | null) {
  if (token) entries.delete(token);
}

/** Drops every cached session of a user (their roles, scope, password or state changed). */
export function forgetUser(userId: string) {
  for (const [token, e] of entries) if (e.session.actor.id === userId) entries.delete(token);
}
