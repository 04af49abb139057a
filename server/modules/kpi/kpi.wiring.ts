import { activityIndicators } from "../activities/activities.indicators.js";
import { chainIndicators } from "../chains/chains.indicators.js";
import { enterpriseIndicators } from "../enterprises/enterprises.indicators.js";
import { evaluationIndicators } from "../evaluation/evaluation.indicators.js";
import { fundIndicators } from "../funds/funds.indicators.js";
import { problemIndicators } from "../problems/problems.indicators.js";
import { projectIndicators } from "../projects/projects.indicators.js";
import { serviceIndicators } from "../service/service.indicators.js";
import { talentIndicators } from "../talent/talent.indicators.js";
import { registerIndicatorProvider } from "./kpi.providers.js";

/**
 * Registers the modules' indicator providers (each declared in its own module's
 * `<module>.indicators.ts`, with its own SQL). buildApp calls it when wiring the modules, and so
 * does the demo loader, which runs before the app is built on a first start. Idempotent.
 */
export function wireIndicatorProviders(): void {
  for (const p of [
    projectIndicators,
    serviceIndicators,
    activityIndicators,
    enterpriseIndicators,
    problemIndicators,
    talentIndicators,
    fundIndicators,
    evaluationIndicators,
    chainIndicators,
  ]) {
    registerIndicatorProvider(p);
  }
}
