import {
  type ProspectPriority,
  type ProspectSource,
  type ProspectStatus,
  prospectPriorityLabels,
  prospectSourceLabels,
  prospectStatusLabels,
} from "../../../common/chain.prospect.js";
import { type ChainListKind, chainListLabels } from "../../../common/chain.schema.js";
import { type EnterpriseLabel, enterpriseLabelNames } from "../../../common/enums.js";
import {
  type ProblemCategory,
  type ProblemStatus,
  problemCategoryLabels,
  problemStatusLabels,
} from "../../../common/problem.schema.js";
import type { ActorCtx } from "../../lib/context.js";
import { notFound } from "../../lib/errors.js";
import type { ExportColumn } from "../../lib/export.js";
import { requirePermission } from "../../lib/policy.js";
import { clausesFor } from "../service/policies.queries.js";
import * as lq from "./chains.lists.queries.js";
import * as q from "./chains.queries.js";
import { invalid, today } from "./chains.service.js";
import { gapReport } from "./gaps.service.js";

type Row = Record<string, string | number | null>;
export interface ChainList {
  chainName: string;
  title: string;
  columns: ExportColumn<Row>[];
  rows: Row[];
}

const wan = (x: unknown) => (x == null ? null : Math.round(Number(x) * 100) / 100);
const col = (header: string, key: string, width?: number): ExportColumn<Row> => ({
  header,
  width,
  value: (r) => r[key] ?? null,
});
const stageWords: Record<string, string> = {
  lead: "线索",
  negotiating: "在谈",
  assessing: "研判",
  signed: "签约",
  registered: "注册",
  land: "供地",
  construction: "开工",
  production: "投产",
  terminated: "终止",
};

/**
 * One of a chain's "X清单" (一链一图X清单) as rows for an Excel sheet: key firms (every firm on the
 * chain's links, 链主 first, with latest-year figures and current labels), key projects and problems
 * of those projects (in the reader's scope), prospects on the links, the policy clauses in force
 * for the chain's region, and the gap report. Only a list the chain carries can be exported.
 */
export async function chainList(ctx: ActorCtx, id: string, kind: ChainListKind): Promise<ChainList> {
  requirePermission(ctx.actor.permissions, "chain.read");
  const c = await q.getChain(ctx.db, ctx.actor, id);
  if (!c) throw notFound();
  if (!c.lists.includes(kind)) {
    throw invalid("kind", `该产业链未设置「${chainListLabels[kind]}」`, "The chain does not carry that list");
  }
  const day = today(ctx);
  const base = { chainName: c.name, title: chainListLabels[kind] };
  const linkIds = (await q.linksOfChain(ctx.db, c.id)).map((l) => l.id);
  if (kind === "firms") {
    const rows = (await lq.chainFirmRows(ctx.db, c, day)).map((r) => ({
      name: String(r.name),
      creditCode: (r.uscc as string | null) ?? null,
      role: r.leader ? "链主" : "链上企业",
      links: String(r.links ?? ""),
      output: wan(r.output),
      tax: wan(r.tax),
      revenue: wan(r.revenue),
      labels: String(r.labels ?? "")
        .split(",")
        .filter(Boolean)
        .map((l) => enterpriseLabelNames[l as EnterpriseLabel] ?? l)
        .join("、"),
    }));
    return {
      ...base,
      rows,
      columns: [
        col("企业", "name", 32),
        col("统一社会信用代码", "creditCode", 22),
        col("角色", "role"),
        col("所在环节", "links", 30),
        col("最近年度产值（万元）", "output"),
        col("税收（万元）", "tax"),
        col("营收（万元）", "revenue"),
        col("资质标签", "labels", 30),
      ],
    };
  }
  if (kind === "projects" || kind === "problems") {
    const onLinks = await q.projectsOnLinks(ctx.db, ctx.actor, linkIds);
    const names = new Map((await q.linksOfChain(ctx.db, c.id)).map((l) => [l.id, l.name]));
    const byProject = new Map<string, { code: string; name: string; stage: string; links: string[] }>();
    for (const p of onLinks) {
      const x = byProject.get(p.id) ?? { code: p.code, name: p.name, stage: p.stage, links: [] };
      x.links.push(names.get(p.linkId) ?? "");
      byProject.set(p.id, x);
    }
    if (kind === "projects") {
      return {
        ...base,
        rows: [...byProject.values()].map((p) => ({
          code: p.code,
          name: p.name,
          stage: stageWords[p.stage] ?? p.stage,
          links: p.links.join("、"),
        })),
        columns: [
          col("项目编号", "code", 16),
          col("项目", "name", 36),
          col("阶段", "stage"),
          col("所在环节", "links", 30),
        ],
      };
    }
    const ids = [...byProject.keys()];
    const found = await lq.problemsOfProjects(ctx.db, ctx.actor, ids);
    return {
      ...base,
      rows: found.map((p) => {
        const pr = byProject.get(p.projectId)!;
        return {
          project: `${pr.code} ${pr.name}`,
          links: pr.links.join("、"),
          title: p.title,
          category: problemCategoryLabels[p.category as ProblemCategory] ?? p.category,
          status: problemStatusLabels[p.status as ProblemStatus] ?? p.status,
          raisedOn: p.raisedOn,
          dueOn: p.dueOn,
        };
      }),
      columns: [
        col("项目", "project", 36),
        col("所在环节", "links", 24),
        col("问题", "title", 40),
        col("类别", "category"),
        col("状态", "status"),
        col("提出日期", "raisedOn", 12),
        col("办结期限", "dueOn", 12),
      ],
    };
  }
  if (kind === "prospects") {
    const found = linkIds.length ? await lq.prospectsOnChain(ctx.db, ctx.actor, c.id) : [];
    return {
      ...base,
      rows: found.map((p) => ({
        name: p.name,
        sources: p.sources.map((s) => prospectSourceLabels[s as ProspectSource] ?? s).join("、"),
        priority: prospectPriorityLabels[p.priority as ProspectPriority] ?? p.priority,
        status: prospectStatusLabels[p.status as ProspectStatus] ?? p.status,
        links: p.links,
      })),
      columns: [
        col("招引目标", "name", 36),
        col("来源名单", "sources", 24),
        col("优先级", "priority"),
        col("状态", "status"),
        col("可补环节", "links", 30),
      ],
    };
  }
  if (kind === "policies") {
    const clauses = await clausesFor(ctx.db, ctx.actor, c.regionId, day);
    return {
      ...base,
      rows: clauses.map((p) => ({
        policy: p.policyName,
        docNo: p.docNo,
        clause: [p.clauseNo, p.name].filter(Boolean).join(" "),
        condition: p.conditionText,
        amount: p.amountText,
        validTo: p.validTo,
      })),
      columns: [
        col("政策", "policy", 30),
        col("文号", "docNo", 20),
        col("条款", "clause", 30),
        col("适用条件", "condition", 40),
        col("兑现标准", "amount", 30),
        col("有效期至", "validTo", 12),
      ],
    };
  }
  const gaps = await gapReport(ctx, c.id);
  return {
    ...base,
    rows: gaps.map((g) => ({
      link: g.linkName,
      strength: g.strength === "missing" ? "缺链" : "弱链",
      firms: g.firmCount,
      prospects: g.prospects.map((p) => `${p.name}（${p.score}）`).join("；"),
      projects: g.projects.map((p) => `${p.code} ${p.name}`).join("；"),
    })),
    columns: [
      col("环节", "link", 24),
      col("强弱", "strength"),
      col("本地企业数", "firms"),
      col("候选招引目标（得分）", "prospects", 50),
      col("在推项目", "projects", 50),
    ],
  };
}
