import type { Request } from "autocannon";

/** What the load test hands out: a lead project per client, and the firms visited. */
export interface Pools {
  projects: string[];
  firms: string[];
}

/** What the clients saw: writes the server acknowledged, and each request's latency and status. */
export interface Acks {
  visits: string[];
  appeals: string[];
  /** acknowledged stage moves per project */
  moves: Map<string, number>;
  latencies: Map<string, number[]>;
  statuses: Map<number, number>;
  /** the first answer of each operation and 4xx/5xx status, to tell what went wrong */
  refusals: Map<string, string>;
}

interface ClientState {
  project?: string;
  version?: number;
  stage?: string;
  sentAt?: number;
}

// Two-character fragments of demo firm names: the search's own hardest shape.
const terms = ["晶睿", "丽水", "科技", "电子", "jr", "lishui", "新材", "智能"];
const findings = [
  "了解企业扩产计划，企业反映用工紧张",
  "走访企业生产车间，询问订单与用电情况",
  "座谈了解技改项目进展",
];
const categories = ["labour", "transport", "land", "financing", "approval"] as const;

/**
 * One client's round, repeated for the run's length: lists, a search, a project's page and a
 * stage move (线索 ↔ 在谈, so every move is legal), a visit and an appeal. Each request's latency
 * runs from its setup to its answer (one request in flight per client). autocannon gives every
 * round a fresh context, so a round takes a project nobody else holds and gives it back at its
 * last answer: no two clients race on a project's version.
 */
export function mixedRequests(
  cookies: { officer: string; specialist: string },
  pools: Pools,
  acks: Acks,
): Request[] {
  const free = [...pools.projects];
  const LAST = "appeal.create";
  let n = 0;
  const pick = <T>(xs: readonly T[]) => xs[n++ % xs.length]!;
  const json = { "content-type": "application/json" };

  const op = (
    name: string,
    who: "officer" | "specialist",
    build: (c: ClientState) => { method: "GET" | "POST"; path: string; body?: unknown },
    onOk?: (c: ClientState, body: string) => void,
  ): Request => ({
    setupRequest: (req, context) => {
      const c = context as ClientState;
      if (!c.project) c.project = free.shift();
      if (!c.project) throw new Error("压测项目不足：每个客户端需要一个项目");
      const r = build(c);
      c.sentAt = performance.now();
      return {
        ...req,
        method: r.method,
        path: r.path,
        headers: { cookie: cookies[who], ...(r.body ? json : {}) },
        body: r.body ? JSON.stringify(r.body) : undefined,
      };
    },
    onResponse: (status, body, context) => {
      const c = context as ClientState;
      const list = acks.latencies.get(name) ?? [];
      list.push(performance.now() - (c.sentAt ?? performance.now()));
      acks.latencies.set(name, list);
      acks.statuses.set(status, (acks.statuses.get(status) ?? 0) + 1);
      if (status >= 200 && status < 300) onOk?.(c, body);
      else if (!acks.refusals.has(`${name} ${status}`))
        acks.refusals.set(`${name} ${status}`, body.slice(0, 300));
      if (name === LAST && c.project) free.push(c.project);
    },
  });

  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return [
    op("project.list", "officer", () => ({ method: "GET", path: "/api/projects?page=1&pageSize=20" })),
    op("enterprise.search", "specialist", () => ({
      method: "GET",
      path: `/api/enterprises?q=${encodeURIComponent(pick(terms))}&pageSize=20`,
    })),
    op(
      "project.page",
      "officer",
      (c) => ({ method: "GET", path: `/api/projects/${c.project}` }),
      (c, body) => {
        const p = JSON.parse(body) as { version: number; stage: string };
        c.version = p.version;
        c.stage = p.stage;
      },
    ),
    op(
      "project.stage_move",
      "officer",
      (c) => ({
        method: "POST",
        path: `/api/projects/${c.project}/stage`,
        body:
          c.stage === "negotiating"
            ? { to: "lead", on: today, reason: "压测：退回线索", version: c.version ?? 1 }
            : { to: "negotiating", on: today, version: c.version ?? 1 },
      }),
      (c) => {
        acks.moves.set(c.project!, (acks.moves.get(c.project!) ?? 0) + 1);
        // The page read next round brings the new version and stage.
        c.version = undefined;
      },
    ),
    op("visit.list", "specialist", () => ({ method: "GET", path: "/api/visits?page=1&pageSize=20" })),
    op(
      "visit.create",
      "specialist",
      () => ({
        method: "POST",
        path: "/api/visits",
        body: {
          enterpriseId: pick(pools.firms),
          visitedOn: today,
          method: "onsite",
          findings: pick(findings),
        },
      }),
      (_c, body) => acks.visits.push((JSON.parse(body) as { id: string }).id),
    ),
    op("appeal.list", "specialist", () => ({ method: "GET", path: "/api/appeals?page=1&pageSize=20" })),
    op(
      "appeal.create",
      "specialist",
      () => ({
        method: "POST",
        path: "/api/appeals",
        body: {
          enterpriseId: pick(pools.firms),
          title: "企业反映用工紧张，希望协助招聘",
          category: pick(categories),
        },
      }),
      (_c, body) => acks.appeals.push((JSON.parse(body) as { id: string }).id),
    ),
  ];
}
