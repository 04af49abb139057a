import { sql } from "drizzle-orm";
import { type ProjectStage, projectChannels, projectStages } from "../../common/project.schema.js";
import type { DbOrTx } from "../../server/db/client.js";
import { rng } from "./enterprises.gen.js";
import { uuidOf } from "./ids.gen.js";

/** Where generated projects stand: most are leads and talks, a tenth stopped or beyond signing. */
const stageWeights: [ProjectStage, number][] = [
  ["lead", 30],
  ["negotiating", 15],
  ["assessing", 8],
  ["signed", 10],
  ["registered", 5],
  ["land", 5],
  ["construction", 10],
  ["completed", 5],
  ["production", 7],
  ["full_production", 3],
  ["stopped", 2],
];
const totalWeight = stageWeights.reduce((a, [, w]) => a + w, 0);

export const NODE_NAMES = [
  "企业开办",
  "立项备案",
  "能评环评",
  "用地规划许可",
  "土地出让/摘牌",
  "不动产权证",
  "工程规划许可",
  "施工图审查",
  "施工许可",
  "开工",
  "竣工验收",
  "投产",
];

const words = [
  "半导体材料",
  "智能装备",
  "新能源电池",
  "生物医药",
  "精密模具",
  "光伏组件",
  "数字经济",
  "时尚产业",
];
const kinds = ["产业园", "生产基地", "总部", "研发中心", "扩产"];

export interface GenProject {
  name: string;
  stage: ProjectStage;
  stoppedFrom: ProjectStage | null;
  channel: string;
  totalInvestmentFen: number;
  /** days from 2023-01-01 of each stage reached, in order */
  stageDays: number[];
  parkIndex: number;
  investorIndex: number;
}

const day0 = Date.UTC(2023, 0, 1);
export const dayOf = (offset: number) => new Date(day0 + offset * 86_400_000).toISOString().slice(0, 10);

/** Deterministic projects: stage, amount, the days each stage was reached, park and investor. */
export function* generateProjects(
  n: number,
  parks: number,
  investors: number,
  seed = 4,
): Generator<GenProject> {
  const r = rng(seed);
  for (let i = 0; i < n; i++) {
    let pick = r() * totalWeight;
    let stage: ProjectStage = "lead";
    for (const [s, w] of stageWeights) {
      pick -= w;
      if (pick < 0) {
        stage = s;
        break;
      }
    }
    const stoppedFrom = stage === "stopped" ? projectStages[Math.floor(r() * 6)]! : null;
    const reached = projectStages.indexOf((stoppedFrom ?? stage) as (typeof projectStages)[number]);
    const stageDays: number[] = [];
    let d = Math.floor(r() * 900);
    for (let s = 0; s <= reached; s++) {
      stageDays.push(d);
      d += 10 + Math.floor(r() * 60);
    }
    if (stoppedFrom) stageDays.push(d);
    // Log-uniform from ¥10m to ¥10bn.
    const totalInvestmentFen = Math.round(10 ** (7 + r() * 3)) * 100;
    yield {
      name: `${words[i % words.length]}${kinds[Math.floor(r() * kinds.length)]}项目${i + 1}`,
      stage,
      stoppedFrom,
      channel: projectChannels[Math.floor(r() * projectChannels.length)]!,
      totalInvestmentFen,
      stageDays,
      parkIndex: Math.floor(r() * parks),
      investorIndex: Math.floor(r() * investors),
    };
  }
}

/**
 * The rows a generated project carries besides its nodes (codes XM-B…), set-based from the code's
 * number so both backends get the same: funds in place each month from the signing month (up to
 * 24 months, to last month), two follow-ups linked to each project, and a problem for one project
 * in five, held by one of the departments (a third of them still open or in progress).
 */
export async function generateProjectRelated(db: DbOrTx, regionId: string, deptIds: string[], today: string) {
  const x = (q: ReturnType<typeof sql>) => db.execute(q);
  const depts = sql.raw(`(array[${deptIds.map((d) => `'${d}'`).join(",")}]::uuid[])`);
  const mine = sql`p.region_id = ${regionId} and p.code like 'XM-B%'`;
  const k = sql.raw("substr(p.code, 5)::int");
  await x(sql`insert into project_fund (project_id, month, domestic_fen, foreign_cents)
    select p.id, m::date, (1 + ${k} % 97) * 10000000::bigint, case when ${k} % 5 = 0 then (1 + ${k} % 13) * 100000 else 0 end
    from project p, generate_series(date_trunc('month', p.stage_dates[4]::timestamp),
      least(date_trunc('month', p.stage_dates[4]::timestamp) + interval '23 months',
        date_trunc('month', ${today}::date - 28)), interval '1 month') m
    where ${mine} and p.stage_dates[4] is not null`);
  const activityId = sql.raw(uuidOf("'pb-act-' || p.code || '-' || s"));
  await x(sql`insert into activity (id, kind, title, held_on, region_id, park_id, summary)
    select ${activityId}, 'follow_up', '项目跟进' || s, least(p.stage_dates[1] + s * 20, ${today}::date), p.region_id,
      p.park_id, '洽谈投资强度与用地需求'
    from project p cross join generate_series(1, 2) s where ${mine}`);
  await x(sql`insert into activity_link (activity_id, subject_type, subject_id, role, label)
    select ${activityId}, 'project', p.id, 'about', p.name from project p cross join generate_series(1, 2) s where ${mine}`);
  await x(sql`insert into problem (id, subject_type, subject_id, region_id, title, category, raised_on, department_id,
      assigned_on, deadline_workdays, due_on, status, resolved_on)
    select ${sql.raw(uuidOf("'pb-problem-' || p.code"))}, 'project', p.id, p.region_id, '基准问题：' || p.name,
      (array['land','planning','approval','funding','labour','utilities','policy','other'])[1 + ${k} % 8],
      p.stage_on, ${depts}[1 + ${k} % ${deptIds.length}], p.stage_on, 10, p.stage_on + 14,
      (array['open','in_progress','resolved','closed','resolved','closed'])[1 + ${k} % 6],
      case when ${k} % 6 >= 2 then p.stage_on + 10 end
    from project p where ${mine} and ${k} % 5 = 0`);
  for (const t of ["project_fund", "activity", "activity_link", "problem"]) await x(sql.raw(`analyze ${t}`));
  const count = async (q: ReturnType<typeof sql>) =>
    Number(((await db.execute(q)) as unknown as { rows: { n: number | string }[] }).rows[0]?.n ?? 0);
  return {
    funds: await count(
      sql`select count(*) as n from project_fund f join project p on p.id = f.project_id where ${mine}`,
    ),
    activities:
      await count(sql`select count(*) as n from activity_link l join project p on p.id = l.subject_id
      where l.subject_type = 'project' and ${mine}`),
    problems: await count(sql`select count(*) as n from problem q join project p on p.id = q.subject_id
      where q.subject_type = 'project' and ${mine}`),
  };
}
