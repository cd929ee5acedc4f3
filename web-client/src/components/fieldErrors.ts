/** Mutation payload errors (`errors { field message code }`) split into per-input messages and the rest. */

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
