/** A mutation's answer as messages for the form: a GraphQL error (permission, network) or the payload's errors. */
import type { CombinedError } from "urql";

import { errorMessage } from "../../components/QueryState";
import { splitErrors, type PayloadError, type SplitErrors } from "../../components/fieldErrors";

export const NO_ERRORS: SplitErrors = { byField: {}, general: [] };

export function outcomeErrors(
  error: CombinedError | undefined,
  payload: { errors: readonly PayloadError[] } | null | undefined,
  fields: readonly string[] = [],
): SplitErrors {
  if (error) return { byField: {}, general: [errorMessage(error)] };
  if (!payload) return { byField: {}, general: ["Something went wrong. Please try again."] };
  return splitErrors(payload.errors, fields);
}

export function hasErrors(errors: SplitErrors): boolean {
  return errors.general.length > 0 || Object.keys(errors.byField).length > 0;
}
