import { useQueries } from "@tanstack/react-query";
import type { SubjectType } from "../../common/enums";
import type { FileMeta } from "../../common/files.schema";
import { apiGet, apiUpload } from "./api";

/** The record a file is uploaded to: whoever can see the record can open the file. */
export interface FileSubject {
  type: SubjectType;
  id: string;
}

/** GET /api/files/:id for each file, to show its name; a file's metadata never changes. */
export const useFiles = (ids: readonly string[]) =>
  useQueries({
    queries: ids.map((id) => ({
      queryKey: ["files", id],
      queryFn: ({ signal }: { signal: AbortSignal }) => apiGet<FileMeta>(`/files/${id}`, undefined, signal),
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });

/** POST /api/files — an attachment, with its upload progress (0–1). */
export const uploadFile = (file: File, subject?: FileSubject, onProgress?: (fraction: number) => void) => {
  const form = new FormData();
  // Fields before the file: the server streams the file part straight to the store.
  form.append("kind", "attachment");
  if (subject) {
    form.append("subjectType", subject.type);
    form.append("subjectId", subject.id);
  }
  form.append("file", file);
  return apiUpload<FileMeta>("/files", form, onProgress);
};

/** Where a browser downloads a file (the download is audited). */
export const fileUrl = (id: string) => `/api/files/${id}/content`;
