import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { openPglite, openPostgres } from "../server/db/client.js";
import { type BackendName, type BenchRecord, record, writeResults } from "./bench.lib.js";
import { type Acks, mixedRequests, type Pools } from "./load.requests.js";

/*
 * Issue 11's load test: the real server on loopback (demo data, the backend chosen), many
 * clients for a bounded time mixing lists, search, project pages, stage moves, visit and appeal
 * writes. Afterwards every acknowledged write is looked for in the database, and any 5xx fails
 * the run. `npm run load -- --backend pglite|postgres [--clients N] [--seconds S]`.
 */

const { values } = parseArgs({
  options: {
    backend: { type: "string", default: "pglite" },
    clients: { type: "string" },
    seconds: { type: "string", default: "60" },
    port: { type: "string", default: "3210" },
  },
});
const backend = values.backend as BackendName;
if (!["pglite", "postgres"].includes(backend)) {
  console.error("用法: npm run load -- --backend pglite|postgres [--clients N] [--seconds S]");
  process.exit(2);
}
const clients = Number(values.clients ?? (backend === "postgres" ? 200 : 20));
const seconds = Number(values.seconds);
const port = Number(values.port);
const url = process.env.BENCH_DATABASE_URL;
if (backend === "postgres" && !url) {
  console.error("PostgreSQL 压测需要 BENCH_DATABASE_URL (an empty database it may fill)");
  process.exit(2);
}
const base = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "zhaoyin-load-"));

if (backend === "postgres") {
  const pg = await openPostgres(url!);
  await pg.db.execute(
    sql.raw(
      "drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public",
    ),
  );
  await pg.close();
}

// ── the server ──
const serverEnv: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(port),
  HOST: "127.0.0.1",
  ZHAOYIN_DATA_DIR: dataDir,
  ZHAOYIN_DEMO: "1",
  ZHAOYIN_SECRET: "load-test-secret-load-test-secret-0123",
  LOG_LEVEL: "warn",
};
if (backend === "postgres") serverEnv.DATABASE_URL = url;
else delete serverEnv.DATABASE_URL;
const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "bench/load.server.ts"], {
  env: serverEnv,
  stdio: ["ignore", "inherit", "inherit"],
});
const exited = new Promise<number | null>((resolve) => server.once("exit", resolve));
// Never outlive the run by much, whatever happens.
const hardStop = setTimeout(
  () => {
    console.error("压测超时，强制结束");
    server.kill("SIGKILL");
    process.exit(1);
  },
  (seconds + 600) * 1000,
);
hardStop.unref();

/** The server's resident memory now and at its peak, from /proc (Linux). */
function memory(): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${server.pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

async function waitUp() {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("服务未能启动");
}

async function login(username: string): Promise<string> {
  const res = await fetch(`${base}/api/session/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: process.env.ZHAOYIN_DEMO_PASSWORD ?? "Zhaoyin@2026" }),
  });
  if (!res.ok) throw new Error(`登录 ${username} 失败：${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function api<T>(cookie: string, method: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}/api${p}`, {
    method,
    headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** One lead project per client for its stage moves (no two clients race on a version), and the firms visited. */
async function pools(officer: string, specialist: string): Promise<Pools> {
  type ProjectRow = {
    id: string;
    investorId: string;
    regionId: string;
    parkId: string | null;
    teamId: string | null;
    channel: string;
  };
  const list = await api<{ items: { id: string }[] }>(officer, "GET", "/projects?pageSize=1");
  if (!list.items[0]) throw new Error("演示数据中没有可复制的项目");
  const template = await api<ProjectRow>(officer, "GET", `/projects/${list.items[0].id}`);
  const projects: string[] = [];
  for (let i = 0; i < clients; i++) {
    const p = await api<{ id: string }>(officer, "POST", "/projects", {
      name: `压测项目${String(i + 1).padStart(4, "0")}号智能制造基地`,
      investorId: template.investorId,
      regionId: template.regionId,
      parkId: template.parkId,
      teamId: template.teamId,
      channel: template.channel,
      duplicateReason: "压测批量登记的独立项目",
    });
    projects.push(p.id);
  }
  const firms = await api<{ items: { id: string }[] }>(specialist, "GET", "/enterprises?pageSize=100");
  if (firms.items.length === 0) throw new Error("服务专员范围内没有企业");
  return { projects, firms: firms.items.map((f) => f.id) };
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))]!;
};

try {
  await waitUp();
  // The demo's projects sit in parks no demo officer covers: the admin (whole-region scope) moves them.
  const officer = await login("admin");
  const specialist = await login("specialist");
  const pool = await pools(officer, specialist);
  const startRss = memory().rss;
  console.log(`服务已启动（${backend}），${clients} 个并发客户端，${seconds} 秒…`);

  // The same-run reference: the health endpoint alone, same server, same clients, 10 s.
  const reference = await autocannon({ url: `${base}/api/health`, connections: clients, duration: 10 });
  const acks: Acks = {
    visits: [],
    appeals: [],
    moves: new Map(),
    latencies: new Map(),
    statuses: new Map(),
    refusals: new Map(),
  };
  let peak = memory().peak;
  const sampler = setInterval(() => {
    peak = Math.max(peak, memory().peak);
  }, 500);
  const t0 = performance.now();
  const result = await autocannon({
    url: base,
    connections: clients,
    duration: seconds,
    requests: mixedRequests({ officer, specialist }, pool, acks),
  });
  const elapsed = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, memory().peak);

  server.kill("SIGTERM");
  await exited;

  // ── every acknowledged write, looked for ──
  const database =
    backend === "postgres" ? await openPostgres(url!) : await openPglite(path.join(dataDir, "pglite"));
  const count = async (q: ReturnType<typeof sql>) =>
    Number(((await database.db.execute(q)) as unknown as { rows: { n: number | string }[] }).rows[0]!.n);
  const uuids = (ids: string[]) =>
    sql`array[${sql.join(ids.length ? ids.map((i) => sql`${i}`) : [sql`null`], sql`, `)}]::uuid[]`;
  const visitsFound = await count(sql`select count(*) as n from visit where id = any(${uuids(acks.visits)})`);
  const appealsFound = await count(
    sql`select count(*) as n from appeal where id = any(${uuids(acks.appeals)})`,
  );
  let movesLost = 0;
  let movesAcked = 0;
  for (const [projectId, n] of acks.moves) {
    movesAcked += n;
    // Registration wrote the first event; each acknowledged move one more.
    const events = await count(
      sql`select count(*) as n from project_stage_event where project_id = ${projectId}`,
    );
    movesLost += Math.max(0, n + 1 - events);
  }
  await database.close();

  const all = [...acks.latencies.values()].flat();
  const fivexx = [...acks.statuses].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
  const lost = acks.visits.length - visitsFound + (acks.appeals.length - appealsFound) + movesLost;
  console.log("\n操作                  次数      p50      p95      p99 (ms)");
  for (const [op, xs] of acks.latencies) {
    console.log(
      `${op.padEnd(20)} ${String(xs.length).padStart(6)} ${pct(xs, 0.5).toFixed(1).padStart(8)} ${pct(xs, 0.95).toFixed(1).padStart(8)} ${pct(xs, 0.99).toFixed(1).padStart(8)}`,
    );
  }
  console.log(
    `\n吞吐 ${(all.length / elapsed).toFixed(0)} 请求/秒（健康检查参照 ${reference.requests.average.toFixed(0)}），` +
      `p50 ${pct(all, 0.5).toFixed(1)} ms，p95 ${pct(all, 0.95).toFixed(1)} ms，p99 ${pct(all, 0.99).toFixed(1)} ms`,
  );
  console.log(
    `状态码 ${JSON.stringify(Object.fromEntries(acks.statuses))}，连接错误 ${result.errors}，超时 ${result.timeouts}`,
  );
  for (const [what, body] of acks.refusals) console.log(`  ${what}: ${body}`);
  console.log(
    `确认写入：走访 ${acks.visits.length}（库中 ${visitsFound}），诉求 ${acks.appeals.length}（库中 ${appealsFound}），` +
      `阶段变更 ${movesAcked}（丢失 ${movesLost}）；服务进程内存峰值 ${peak.toFixed(0)} MB`,
  );
  const size = "small" as const;
  const scenario = (name: string, r: Parameters<typeof record>[0]) => ({
    ...record(r),
    scenario: `load.${name}`,
  });
  const records: BenchRecord[] = [
    scenario("throughput", {
      scenario: "",
      backend,
      size,
      metric: `requests/s, ${clients} clients × ${seconds} s`,
      value: all.length / elapsed,
      unit: "req/s",
      reference: "GET /api/health, same server and clients",
      reference_value: reference.requests.average,
      rate: true,
    }),
    scenario("p95", {
      scenario: "",
      backend,
      size,
      metric: "p95 latency over the mix",
      value: pct(all, 0.95),
      unit: "ms",
      reference: "GET /api/health p97.5",
      reference_value: reference.latency.p97_5,
    }),
    scenario("lost_writes", {
      scenario: "",
      backend,
      size,
      metric: "acknowledged writes missing afterwards",
      value: lost,
      unit: "",
      reference: "acknowledged writes",
      reference_value: acks.visits.length + acks.appeals.length + movesAcked,
      budget: { max: 0, label: "0" },
    }),
    scenario("server_errors", {
      scenario: "",
      backend,
      size,
      metric: "5xx answers",
      value: fivexx,
      unit: "",
      reference: "requests",
      reference_value: all.length,
      budget: { max: 0, label: "0" },
    }),
    scenario("peak_rss", {
      scenario: "",
      backend,
      size,
      metric: "server peak RSS during the load",
      value: peak,
      unit: "MB",
      reference: "RSS after start-up",
      reference_value: startRss,
    }),
  ];
  writeResults(records);
  fs.rmSync(dataDir, { recursive: true, force: true });
  // Every request of the mix is legal for its client, so a refusal (4xx) is a fault too.
  const refused = [...acks.statuses].filter(([s]) => s >= 400 && s < 500).reduce((a, [, n]) => a + n, 0);
  const ok = lost === 0 && fivexx === 0 && refused === 0 && result.errors === 0;
  console.log(ok ? "\n压测通过：无 4xx/5xx，无丢失的写入" : "\n压测未通过");
  process.exit(ok ? 0 : 1);
} catch (err) {
  console.error(err);
  server.kill("SIGKILL");
  process.exit(1);
}
