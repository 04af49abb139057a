import { type SQL, sql } from "drizzle-orm";
import { chain, chainLink, chainLinkFirm } from "./chains.table.js";

/**
 * `(enterprise_id, chain_name)` for every firm on a link of an active chain, once per chain, for
 * other modules' rows (the evaluation's distribution per chain): a firm on two chains is in both.
 */
export const firmChainsSql = (): SQL => sql`(select distinct ${chainLinkFirm.enterpriseId} as enterprise_id,
    ${chain.name} as chain_name
  from ${chainLinkFirm} join ${chainLink} on ${chainLink.id} = ${chainLinkFirm.linkId}
  join ${chain} on ${chain.id} = ${chainLink.chainId}
  where ${chain.status} = 'active')`;
