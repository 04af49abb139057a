import { createHash } from "node:crypto";

/**
 * A deterministic UUID from a SQL text expression: its md5 with the version and variant digits
 * of a v4 UUID, so the ids pass the API's UUID checks (zod's) like the app's own.
 */
export const uuidOf = (textExpr: string) =>
  `overlay(overlay(md5(${textExpr}) placing '4' from 13) placing '8' from 17)::uuid`;

/** The same UUID computed in JavaScript from the text. */
export function uuidOfText(text: string): string {
  const h = createHash("md5").update(text).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
}
