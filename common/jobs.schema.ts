import { z } from "zod";

export const jobRunView = z.object({
  id: z.uuid(),
  name: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(["ok", "failed"]),
  summary: z.string().nullable(),
  error: z.string().nullable(),
});
export type JobRunView = z.infer<typeof jobRunView>;

export const jobView = z.object({
  name: z.string(),
  title: z.string(),
  everyMinutes: z.number().int().nullable(),
  /** HH:MM, China time */
  dailyAt: z.string().nullable(),
  /** "每 1 分钟", "每天 08:30" */
  schedule: z.string(),
  running: z.boolean(),
  lastRun: jobRunView.nullable(),
  nextRunAt: z.string().nullable(),
});
export type JobView = z.infer<typeof jobView>;

export const jobNameParam = z.object({
  name: z
    .string()
    .max(60)
    .regex(/^[a-z0-9_.-]+$/i, "无效的任务名称"),
});

export const jobRunResult = z.object({
  status: z.enum(["ok", "failed", "skipped"]),
  runId: z.uuid().nullable(),
  summary: z.string().nullable(),
  error: z.string().nullable(),
});
export type JobRunResult = z.infer<typeof jobRunResult>;
