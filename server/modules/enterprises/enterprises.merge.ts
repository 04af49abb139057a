import type { ActorCtx } from "../../lib/context.js";

/** A module's part of an enterprise merge: repoint its own references from one firm to the other. */
export type MergeHandler = (ctx: ActorCtx, fromId: string, intoId: string) => Promise<void>;

const handlers = new Map<string, MergeHandler>();

/** Modules register when buildApp wires them; registering a name again replaces it. */
export function registerMergeHandler(name: string, handler: MergeHandler): void {
  handlers.set(name, handler);
}

export const mergeHandlers = (): MergeHandler[] => [...handlers.values()];
