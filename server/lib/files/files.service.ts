import type { Readable } from "node:stream";
import { eq, or, sql } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { type FileKind, type SubjectType, subjectTypes } from "../../../common/enums.js";
import { fileSizeLimits } from "../../../common/files.schema.js";
import { audit } from "../audit/audit.service.js";
import { type ActorCtx, inTx } from "../context.js";
import { AppError, notFound } from "../errors.js";
import { newId } from "../ids.js";
import { requirePermission } from "../policy.js";
import { scopeWhere } from "../scope.js";
import { loadSubject } from "../subjects.js";
import { type FileStore, TooLarge } from "./files.store.js";
import { storedFile } from "./files.table.js";

/** Types with no magic number: accepted when the bytes are UTF-8 text. */
const textTypes = new Set([
  "text/plain",
  "text/csv",
  "application/json",
  "text/markdown",
  "application/geo+json",
]);
/** Claimed types that are really the sniffed container. */
const sameFamily: Record<string, string[]> = {
  "application/zip": [
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ],
  "application/x-cfb": ["application/vnd.ms-excel", "application/msword"],
};

/** Text in UTF-8 or, for CSV (which Chinese Excel saves in GBK), in GB18030. */
function isText(buf: Buffer, claim: string): boolean {
  if (buf.includes(0)) return false;
  for (const encoding of claim === "text/csv" ? ["utf-8", "gb18030"] : ["utf-8"]) {
    try {
      // Streaming mode: the head may end inside a character.
      new TextDecoder(encoding, { fatal: true }).decode(buf, { stream: true });
      return true;
    } catch {
      // try the next encoding
    }
  }
  return false;
}

/** The stored type: the sniffed one, which must agree with what the client claimed. */
export async function checkType(head: Buffer, claimed: string): Promise<string> {
  const sniffed = await fileTypeFromBuffer(head);
  const claim = claimed.split(";")[0]!.trim().toLowerCase();
  if (sniffed) {
    if (claim === "application/octet-stream" || claim === sniffed.mime) return sniffed.mime;
    if (sameFamily[sniffed.mime]?.includes(claim)) return claim;
    if (sameFamily[claim]?.includes(sniffed.mime)) return sniffed.mime;
    throw new AppError("FILE_TYPE_MISMATCH", {
      zh: `文件内容为 ${sniffed.mime},与声明的类型 ${claim} 不符`,
      en: `The content is ${sniffed.mime}, not ${claim}`,
    });
  }
  if (textTypes.has(claim) && isText(head, claim)) return claim;
  throw new AppError("FILE_TYPE_MISMATCH", {
    zh: `无法确认文件内容是 ${claim}`,
    en: `The content could not be confirmed as ${claim}`,
  });
}

export interface UploadInput {
  stream: Readable;
  name: string;
  claimedType: string;
  kind: FileKind;
  subjectType?: SubjectType;
  subjectId?: string;
}

export async function upload(ctx: ActorCtx, store: FileStore, input: UploadInput) {
  requirePermission(ctx.actor.permissions, "file.upload");
  let received: Awaited<ReturnType<FileStore["receive"]>>;
  try {
    received = await store.receive(input.stream, fileSizeLimits[input.kind]);
  } catch (err) {
    if (err instanceof TooLarge) {
      const mb = Math.round(fileSizeLimits[input.kind] / 1024 / 1024);
      throw new AppError("PAYLOAD_TOO_LARGE", {
        zh: `文件超过 ${mb} MB 的上限`,
        en: `The file exceeds ${mb} MB`,
      });
    }
    throw err;
  }
  try {
    if (received.size === 0) throw new AppError("VALIDATION", { zh: "文件为空", en: "The file is empty" });
    const mime = await checkType(received.head, input.claimedType);
    const id = newId();
    const row = {
      id,
      sha256: received.sha256,
      name: input.name.slice(0, 255),
      mime,
      size: received.size,
      kind: input.kind,
      subjectType: input.subjectType ?? null,
      subjectId: input.subjectId ?? null,
      regionId: ctx.actor.regionId,
      uploaderId: ctx.actor.id,
    };
    const saved = await inTx(ctx, async (tx) => {
      const [inserted] = await tx.db.insert(storedFile).values(row).returning();
      await audit(tx, {
        action: "upload",
        subjectType: "file",
        subjectId: id,
        regionId: row.regionId,
        after: row,
      });
      return inserted!;
    });
    await store.commit(received);
    return saved;
  } catch (err) {
    await store.discard(received);
    throw err;
  }
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A file the actor may see: uploaded by them, inside their region scope, or attached to a record
 * they can see. The last is what lets a project's officer open the evidence a department handler
 * attached to its node, though the handler's region lies outside the officer's park scope.
 */
export async function getFile(ctx: ActorCtx, id: string) {
  const [row] = await ctx.db
    .select({
      file: storedFile,
      reachable: sql<boolean>`(${or(
        eq(storedFile.uploaderId, ctx.actor.id),
        scopeWhere(ctx.actor, { region: storedFile.regionId }),
      )})`,
    })
    .from(storedFile)
    .where(eq(storedFile.id, id));
  if (!row) throw notFound();
  if (row.reachable) return row.file;
  const { subjectType, subjectId } = row.file;
  if (
    subjectType &&
    subjectId &&
    uuidShape.test(subjectId) &&
    (subjectTypes as readonly string[]).includes(subjectType) &&
    (await loadSubject(ctx, subjectType as SubjectType, subjectId))
  ) {
    return row.file;
  }
  throw notFound();
}

export async function logDownload(
  ctx: ActorCtx,
  file: { id: string; name: string; regionId: string | null },
) {
  await inTx(ctx, (tx) =>
    audit(tx, {
      action: "download",
      subjectType: "file",
      subjectId: file.id,
      regionId: file.regionId,
      meta: { name: file.name },
    }),
  );
}
