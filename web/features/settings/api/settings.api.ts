import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Settings, settingsUpdate } from "../../../../common/settings.schema";
import { apiGet, apiPatch } from "../../../lib/api";
import { auditKey, meKey } from "../../../lib/query-keys";

export type SettingsUpdate = z.input<typeof settingsUpdate>;

const settingsKey = ["settings"] as const;

/** GET /api/settings */
export const useSettings = () =>
  useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => apiGet<Settings>("/settings", undefined, signal),
  });

/** PATCH /api/settings — the watermark rides on the session user, so that is refetched too. */
export const useUpdateSettings = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SettingsUpdate) => apiPatch<Settings>("/settings", body),
    onSuccess: (s) => {
      qc.setQueryData(settingsKey, s);
      void qc.invalidateQueries({ queryKey: meKey });
      void qc.invalidateQueries({ queryKey: auditKey });
    },
  });
};
