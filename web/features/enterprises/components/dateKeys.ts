import type { KeyboardEvent } from "react";

/**
 * Enter in a date field confirms the typed date; without this it would also
 * submit the form around it, before the fields after it are filled.
 */
export const enterConfirmsDate = (e: KeyboardEvent<HTMLElement>) => {
  if (e.key === "Enter") e.preventDefault();
};
