import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { username } from "better-auth/plugins";
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import { credentials, sessions, users, verifications } from "../modules/users/users.table.js";
import { newId } from "./ids.js";

/**
 * Better Auth does password hashing, sessions and the signed session cookie.
 * Its HTTP routes are not exposed: our session routes call its API so that
 * lockout, audit and the error body stay ours.
 */
export function createAuth(db: Db, config: Pick<Config, "baseUrl" | "sessionHours">, secret: string) {
  return betterAuth({
    appName: "Zhaoyin",
    baseURL: config.baseUrl,
    basePath: "/api/auth",
    secret,
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: credentials, verification: verifications },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128 },
    plugins: [username({ minUsernameLength: 3, maxUsernameLength: 32 })],
    session: {
      expiresIn: Math.round(config.sessionHours * 3600),
      updateAge: 3600,
      cookieCache: { enabled: false },
    },
    rateLimit: { enabled: false },
    logger: { level: "error" },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: "zhaoyin",
      database: { generateId: () => newId() },
      // Session cookies are SameSite=Lax and every mutation must be JSON, which a cross-site form cannot send.
      disableCSRFCheck: true,
      defaultCookieAttributes: { sameSite: "lax", httpOnly: true },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
