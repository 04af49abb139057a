import type { ProjectStage } from "../../../common/project.schema.js";
import type { ActorCtx } from "../../lib/context.js";

/**
 * Extension points of the stage machine, registered when buildApp wires the modules, so that
 * projects never imports the modules that add to its gates (sites: 开工 needs a reserved site).
 */

/** A gate check for a stage being entered: the refusal in Chinese and English, or null to pass. */
export type StageGate = (
  ctx: ActorCtx,
  projectId: string,
  stage: ProjectStage,
) => Promise<{ zh: string; en: string } | null>;

/** Told of every stage move, inside its transaction (sites releases a reservation on 中止). */
export type StageListener = (
  ctx: ActorCtx,
  move: { projectId: string; from: ProjectStage; to: ProjectStage; on: string },
) => Promise<void>;

const gates = new Map<string, StageGate>();
const listeners = new Map<string, StageListener>();

/** Registering the same name again replaces it (buildApp runs once per test app). */
export function registerStageGate(name: string, gate: StageGate): void {
  gates.set(name, gate);
}
export function onStageChange(name: string, listener: StageListener): void {
  listeners.set(name, listener);
}
export const stageGates = (): StageGate[] => [...gates.values()];
export const stageListeners = (): StageListener[] => [...listeners.values()];
