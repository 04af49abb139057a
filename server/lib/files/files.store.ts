import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** Content-addressed blobs: <dataDir>/files/ab/cd/<sha256>. */
export class FileStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /**
   * Streams into a temp file while hashing, keeping the first bytes for type
   * sniffing; throws TooLarge past the limit. The caller commits or discards.
   */
  async receive(stream: Readable, limit: number): Promise<Received> {
    const tmpDir = path.join(this.root, "tmp");
    await fs.promises.mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, randomUUID());
    const hash = createHash("sha256");
    let size = 0;
    const headChunks: Buffer[] = [];
    let headLen = 0;
    const out = fs.createWriteStream(tmp);
    try {
      await pipeline(
        stream,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            size += chunk.length;
            if (size > limit) throw new TooLarge();
            hash.update(chunk);
            if (headLen < 4100) {
              headChunks.push(chunk);
              headLen += chunk.length;
            }
            yield chunk;
          }
        },
        out,
      );
    } catch (err) {
      await fs.promises.rm(tmp, { force: true });
      throw err;
    }
    return { tmp, size, sha256: hash.digest("hex"), head: Buffer.concat(headChunks).subarray(0, 4100) };
  }

  /** Moves a received temp file to its content address (deduplicating). */
  async commit(r: Received): Promise<void> {
    const dest = this.pathOf(r.sha256);
    await fs.promises.mkdir(path.dirname(dest), { recursive: true });
    if (fs.existsSync(dest)) await fs.promises.rm(r.tmp, { force: true });
    else await fs.promises.rename(r.tmp, dest);
  }

  discard(r: Received): Promise<void> {
    return fs.promises.rm(r.tmp, { force: true });
  }

  open(sha256: string): fs.ReadStream {
    return fs.createReadStream(this.pathOf(sha256));
  }
}

export interface Received {
  tmp: string;
  size: number;
  sha256: string;
  head: Buffer;
}

export class TooLarge extends Error {}
