import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { region } from "../org/org.table.js";
import { enterprise, enterpriseLabel, enterpriseYear } from "./enterprises.table.js";

/**
 * Exported reads of the yearly figures for set-based work in other modules (the 亩均 evaluation).
 * Each is a subquery over this module's tables, so a caller joins it into one statement and
 * never names the tables itself.
 */

/**
 * Every firm of a region subtree with its figures of one year (null where it has no row for
 * that year). Columns: enterprise_id, name, region_id, park_id, industry_code, founded_on,
 * status, size_class, four_up, tax_fen, value_added_fen, revenue_fen, output_fen, rd_fen,
 * land_m2, land_cert_no, floor_rented_m2, energy_tce, electricity_kwh, emissions_t, employees_avg.
 */
export function yearFigures(year: number, regionId: string): SQL {
  return sql`(select ${enterprise.id} as enterprise_id, ${enterprise.name} as name,
      ${enterprise.regionId} as region_id, ${enterprise.parkId} as park_id,
      ${enterprise.industryCode} as industry_code, ${enterprise.foundedOn} as founded_on,
      ${enterprise.status} as status, y.size_class, y.four_up, y.tax_fen, y.value_added_fen,
      y.revenue_fen, y.output_fen, y.rd_fen, y.land_m2, y.land_cert_no, y.floor_rented_m2,
      y.energy_tce, y.electricity_kwh, y.emissions_t, y.employees_avg
    from ${enterprise}
    left join ${enterpriseYear} y on y.enterprise_id = ${enterprise.id} and y.year = ${year}
    where ${enterprise.regionId} in (select r.id from ${region} r
      where r.path like (select p.path from ${region} p where p.id = ${regionId}) || '%'))`;
}

/** Firms' labels valid on a day, one row per labelled firm: enterprise_id, labels text[]. */
export function currentLabels(day: string): SQL {
  return sql`(select ${enterpriseLabel.enterpriseId} as enterprise_id,
      array_agg(distinct ${enterpriseLabel.label}) as labels
    from ${enterpriseLabel}
    where (${enterpriseLabel.validFrom} is null or ${enterpriseLabel.validFrom} <= ${day})
      and (${enterpriseLabel.validTo} is null or ${enterpriseLabel.validTo} >= ${day})
    group by ${enterpriseLabel.enterpriseId})`;
}

/** A firm's name by id, as a scalar subquery for lists of another module's rows. */
export const enterpriseNames = (idCol: AnyColumn | SQL): SQL =>
  sql`(select ${enterprise.name} from ${enterprise} where ${enterprise.id} = ${idCol})`;
