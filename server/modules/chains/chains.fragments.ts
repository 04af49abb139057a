import { type SQL, sql } from "drizzle-orm";
import { chain, chainLink, chainLinkFirm, chainProject } from "./chains.table.js";

/**
 * `(enterprise_id, chain_name)` for every firm on a link of an active chain, once per chain, for
 * other modules' rows (the evaluation's distribution per chain): a firm on two chains is in both.
 */
export const firmChainsSql = (): SQL => sql`(select distinct ${chainLinkFirm.enterpriseId} as enterprise_id,
    ${chain.name} as chain_name
  from ${chainLinkFirm} join ${chainLink} on ${chainLink.id} = ${chainLinkFirm.linkId}
  join ${chain} on ${chain.id} = ${chainLink.chainId}
  where ${chain.status} = 'active')`;

/**
 * `(unit_id, project_id)` for KPI indicators counted per chain: each project on a link of the
 * given chains, once per chain however many of its links it serves.
 */
export const chainProjectsSql = (chainIds: SQL): SQL => sql`(select distinct ${chainLink.chainId} as unit_id,
    ${chainProject.projectId} as project_id
  from ${chainProject} join ${chainLink} on ${chainLink.id} = ${chainProject.linkId}
  where ${chainLink.chainId} = any(${chainIds}))`;

/** `(unit_id, enterprise_id)`: each firm on a link of the given chains, once per chain. */
export const chainFirmsSql = (chainIds: SQL): SQL => sql`(select distinct ${chainLink.chainId} as unit_id,
    ${chainLinkFirm.enterpriseId} as enterprise_id
  from ${chainLinkFirm} join ${chainLink} on ${chainLink.id} = ${chainLinkFirm.linkId}
  where ${chainLink.chainId} = any(${chainIds}))`;
