/** Mutation payload errors (`errors { ...FieldErrorFields }`) split into per-input messages and the rest. */
import type { CombinedError } from "urql";

import { errorMessage } from "./QueryState";

export interface PayloadError {
  field?: string | null;
  message: string;
  code: string;
}

export interface SplitErrors {
  byField: Record<string, string>;
  general: string[];
}

/** Errors for inputs the form shows go next to them; anything else (no field, unknown field) goes on top. */
export function splitErrors(errors: readonly PayloadError[] | null | undefined, fields: readonly string[]): SplitErrors {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const error of errors ?? []) {
    if (error.field && fields.includes(error.field)) {
      byField[error.field] = byField[error.field] ? `${byField[error.field]} ${error.message}` : error.message;
    } else {
      general.push(error.message);
    }
  }
  return { byField, general };
}

export const NO_ERRORS: SplitErrors = { byField: {}, general: [] };

export function hasErrors(errors: SplitErrors): boolean {
  return errors.general.length > 0 || Object.keys(errors.byField).length > 0;
}

/** A mutation's answer as messages: a GraphQL error (permission, network) says it all, else the payload's errors. */
export function mutationErrors(
  error: CombinedError | undefined,
  errors: readonly PayloadError[] | null | undefined,
  fields: readonly string[] = [],
): SplitErrors {
  if (error) return { byField: {}, general: [errorMessage(error)] };
  return splitErrors(errors, fields);
}
