import { AppError, type LocalText } from "./errors.js";

/** The SQLSTATE of a database error, however the driver or Drizzle wrapped it. */
export function sqlState(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 3 && e && typeof e === "object"; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export interface ConstraintTexts {
  duplicate?: LocalText;
  inUse?: LocalText;
  /** the field a duplicate clashes on, named in the error's details */
  field?: string;
}

/** Turns unique and foreign-key violations into 409s with the caller's wording. */
export async function mapConstraint<T>(fn: () => Promise<T>, texts: ConstraintTexts): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const state = sqlState(err);
    if (state === "23505") {
      const details =
        texts.field && texts.duplicate ? [{ path: texts.field, message: texts.duplicate.zh }] : undefined;
      throw new AppError("DUPLICATE", texts.duplicate, details);
    }
    if (state === "23503") throw new AppError("CONFLICT", texts.inUse);
    throw err;
  }
}
