import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["0", "1", "true", "false", "yes", "no"])
  .transform((v) => v === "1" || v === "true" || v === "yes");

const env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  ZHAOYIN_DATA_DIR: z.string().default("./data"),
  ZHAOYIN_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ZHAOYIN_DEMO: bool.default(true),
  ZHAOYIN_DEMO_PASSWORD: z.string().min(8).default("Zhaoyin@2026"),
  ZHAOYIN_ADMIN_PASSWORD: z.string().min(8).optional(),
  ZHAOYIN_BASE_URL: z.url().optional(),
  ZHAOYIN_SESSION_HOURS: z.coerce.number().positive().default(12),
  ZHAOYIN_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  ZHAOYIN_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  /** a CJK font file for the charts drawn on the server (bulletins); found in /usr/share/fonts when unset */
  ZHAOYIN_CJK_FONT: z.string().optional(),
  /** how long the cockpit's answer for a scope serves further reads before it is computed again (0: never kept) */
  ZHAOYIN_COCKPIT_MAX_AGE_SECONDS: z.coerce.number().int().min(0).default(30),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  secret: string | undefined;
  demo: boolean;
  demoPassword: string;
  adminPassword: string | undefined;
  baseUrl: string;
  sessionHours: number;
  lockoutAttempts: number;
  lockoutMinutes: number;
  logLevel: string;
  cjkFont: string | undefined;
  cockpitMaxAgeSeconds: number;
};

/** Parses the environment; throws one readable message naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`配置有误 (invalid configuration):\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.ZHAOYIN_DATA_DIR),
    secret: e.ZHAOYIN_SECRET,
    demo: e.ZHAOYIN_DEMO,
    demoPassword: e.ZHAOYIN_DEMO_PASSWORD,
    adminPassword: e.ZHAOYIN_ADMIN_PASSWORD,
    baseUrl: e.ZHAOYIN_BASE_URL ?? `http://localhost:${e.PORT}`,
    sessionHours: e.ZHAOYIN_SESSION_HOURS,
    lockoutAttempts: e.ZHAOYIN_LOCKOUT_ATTEMPTS,
    lockoutMinutes: e.ZHAOYIN_LOCKOUT_MINUTES,
    logLevel: e.LOG_LEVEL,
    cjkFont: e.ZHAOYIN_CJK_FONT,
    cockpitMaxAgeSeconds: e.ZHAOYIN_COCKPIT_MAX_AGE_SECONDS,
  };
}
