import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type { IndustryNode } from "../../../common/enterprise.schema.js";

const csvPath = fileURLToPath(new URL("../../db/reference/gbt4754-2017.csv", import.meta.url));

interface Industries {
  byCode: Map<string, IndustryNode>;
  tree: IndustryNode[];
}

let loaded: Industries | null = null;

/**
 * GB/T 4754-2017, shipped in the source tree. Codes join the section letter to the digits of
 * the row's level (C, C39, C398, C3985), so a prefix filters a whole branch.
 */
export function industries(): Industries {
  if (loaded) return loaded;
  const rows = parse(fs.readFileSync(csvPath, "utf8"), { columns: true }) as Record<string, string>[];
  const byCode = new Map<string, IndustryNode>();
  const tree: IndustryNode[] = [];
  const parents: IndustryNode[] = [];
  for (const r of rows) {
    const level = Number(r.level) as 1 | 2 | 3 | 4;
    const digits = [r.division, r.group, r.class][level - 2] ?? "";
    const node: IndustryNode = { code: `${r.section}${digits}`, name: r.name!, level };
    byCode.set(node.code, node);
    // Rows come in tree order: a row's parent is the last row seen one level up.
    parents[level - 1] = node;
    if (level === 1) tree.push(node);
    else {
      const parent = parents[level - 2]!;
      parent.children = [...(parent.children ?? []), node];
    }
  }
  loaded = { byCode, tree };
  return loaded;
}

/** Accepts C3985, 3985, C39 or 39 (the section is implied by the division) and returns the stored code. */
export function resolveIndustryCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  const { byCode } = industries();
  if (byCode.has(code)) return code;
  if (/^\d{2,4}$/.test(code)) {
    for (const section of "ABCDEFGHIJKLMNOPQRST") {
      if (byCode.has(section + code)) return section + code;
    }
  }
  return null;
}

export const industryName = (code: string | null) =>
  code ? (industries().byCode.get(code)?.name ?? null) : null;
