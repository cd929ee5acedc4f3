/** A job mutation's answer as messages: a GraphQL error, a missing payload, or the payload's errors. */
import type { CombinedError } from "urql";

import { mutationErrors, type PayloadError, type SplitErrors } from "../../components/fieldErrors";

export function outcomeErrors(
  error: CombinedError | undefined,
  payload: { errors: readonly PayloadError[] } | null | undefined,
  fields: readonly string[] = [],
): SplitErrors {
  if (!error && !payload) return { byField: {}, general: ["Something went wrong. Please try again."] };
  return mutationErrors(error, payload?.errors, fields);
}
