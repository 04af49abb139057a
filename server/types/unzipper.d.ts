// The part of unzipper (exceljs's own zip reader) the importer uses: random access to one entry.
declare module "unzipper" {
  import type { Readable } from "node:stream";

  interface Entry {
    path: string;
    stream(): Readable;
  }
  export const Open: { file(path: string): Promise<{ files: Entry[] }> };
}
