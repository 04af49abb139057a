import type { SubjectType } from "../../common/enums.js";
import type { ActorCtx } from "./context.js";

/**
 * What the owning module tells generic ones (reviews, activities, problems) about a record the
 * actor can see: null outside the actor's scope (the caller answers 404).
 */
export interface SubjectInfo {
  regionId: string;
  label: string;
  /** the record's firms (a project's investor): experts tied to them are kept off its panels */
  enterpriseIds: string[];
  /** whether the actor may add to the record (activities, problems), beyond seeing it */
  writable: boolean;
}

type SubjectLoader = (ctx: ActorCtx, id: string) => Promise<SubjectInfo | null>;
const loaders = new Map<SubjectType, SubjectLoader>();

/** Each module that owns records others attach to registers how to read one in scope. */
export function registerSubject(type: SubjectType, load: SubjectLoader): void {
  loaders.set(type, load);
}

export async function loadSubject(ctx: ActorCtx, type: SubjectType, id: string): Promise<SubjectInfo | null> {
  const load = loaders.get(type);
  return load ? load(ctx, id) : null;
}
