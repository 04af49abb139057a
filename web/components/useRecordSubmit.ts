import type { UseMutationResult } from "@tanstack/react-query";
import type { FormInstance } from "antd";
import { useState } from "react";
import type { FieldIssue } from "../lib/api";
import { applyServerErrors, blanksToNull } from "../lib/forms";

interface Versioned {
  id: string;
  version: number;
}

/**
 * Submits a create or an update (with the record's version) and maps a
 * refusal back onto the form: VALIDATION details onto fields, the rest
 * (STALE_VERSION, DUPLICATE, …) into an alert above the form.
 */
export const useRecordSubmit = <T extends Versioned, C, U>(
  form: FormInstance,
  record: T | null,
  create: UseMutationResult<T, Error, C>,
  update: UseMutationResult<T, Error, { id: string; body: U }>,
  onDone: (saved: T, created: boolean) => void,
) => {
  const [error, setError] = useState<unknown>(null);
  const [extraIssues, setExtraIssues] = useState<FieldIssue[]>([]);

  const submit = async (values: Record<string, unknown>) => {
    setError(null);
    setExtraIssues([]);
    const body = blanksToNull(values);
    try {
      const saved = record
        ? await update.mutateAsync({ id: record.id, body: { ...body, version: record.version } as U })
        : await create.mutateAsync(body as C);
      onDone(saved, record === null);
    } catch (e) {
      setExtraIssues(applyServerErrors(form, e, "name"));
      setError(e);
    }
  };

  return {
    submit,
    error,
    extraIssues,
    saving: create.isPending || update.isPending,
    clearError: () => setError(null),
  };
};
