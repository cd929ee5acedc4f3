/**
 * The new-request form as data: its values, which of them the AI filled, which the customer set by hand,
 * and the conversions to the API's inputs (amounts typed as decimals → minor units).
 *
 * AI pre-fill rule: "Fill in from photo" never overwrites what the customer typed or chose. A field is filled
 * when it is empty, still holds its default, or still holds an earlier AI suggestion; otherwise it is kept
 * and reported as kept, so pressing the button again (a new photo) refreshes only the AI's own suggestions.
 */
import { toDecimalInput, toMinorUnits } from "../../money/minorUnits";

export type Urgency = "LOW" | "MEDIUM" | "HIGH" | "EMERGENCY";
export type RequestMode = "BIDDING" | "FIXED_OFFER";

export const URGENCIES: readonly { value: Urgency; label: string }[] = [
  { value: "LOW", label: "Low: whenever convenient" },
  { value: "MEDIUM", label: "Medium: within a few days" },
  { value: "HIGH", label: "High: within a day" },
  { value: "EMERGENCY", label: "Emergency: right now" },
];

export interface RequestFormValues {
  categorySlug: string;
  title: string;
  description: string;
  city: string;
  address: string;
  urgency: Urgency;
  mode: RequestMode;
  /** As typed, e.g. "120.50"; converted to minor units on submit. */
  budget: string;
  offer: string;
  /** YYYY-MM-DD or "". */
  preferredDate: string;
}

export type FormField = keyof RequestFormValues;

/** The fields an analysis can fill. */
export const AI_FIELDS = ["categorySlug", "title", "description", "urgency", "budget"] as const satisfies readonly FormField[];
export type AiField = (typeof AI_FIELDS)[number];

export const EMPTY_REQUEST: RequestFormValues = {
  categorySlug: "",
  title: "",
  description: "",
  city: "",
  address: "",
  urgency: "MEDIUM",
  mode: "BIDDING",
  budget: "",
  offer: "",
  preferredDate: "",
};

export interface RequestFormState {
  values: RequestFormValues;
  /** Fields whose current value is the AI's suggestion (cleared field by field as the customer edits them). */
  aiFilled: readonly AiField[];
  /** Fields the customer set by hand (including a category chosen by link, `?category=`). */
  userSet: readonly FormField[];
}

export function initialRequestForm(preselectedCategory?: string | null): RequestFormState {
  const categorySlug = preselectedCategory?.trim() ?? "";
  return { values: { ...EMPTY_REQUEST, categorySlug }, aiFilled: [], userSet: categorySlug ? ["categorySlug"] : [] };
}

/** The customer changed a field: it is theirs from now on. */
export function editField<K extends FormField>(state: RequestFormState, field: K, value: RequestFormValues[K]): RequestFormState {
  return {
    values: { ...state.values, [field]: value },
    aiFilled: state.aiFilled.filter((name) => name !== field),
    userSet: state.userSet.includes(field) ? state.userSet : [...state.userSet, field],
  };
}

export interface ImageAnalysis {
  category: { slug: string; name: string };
  title: string;
  description: string;
  urgency: Urgency;
  estimatedBudget: { amount: number; currency: string } | null;
  confidence: number;
  source: "GEMINI" | "FALLBACK";
}

export interface PrefillResult {
  state: RequestFormState;
  /** Fields the AI filled this time. */
  filled: AiField[];
  /** Fields the AI had a suggestion for but the customer's own value was kept. */
  kept: AiField[];
}

/** Fills the form from an analysis without overwriting the customer's own values (see the rule at the top). */
export function applyAnalysis(state: RequestFormState, analysis: ImageAnalysis): PrefillResult {
  const suggestions: Partial<Record<AiField, string>> = {
    categorySlug: analysis.category.slug,
    title: analysis.title.trim(),
    description: analysis.description.trim(),
    urgency: analysis.urgency,
  };
  if (analysis.estimatedBudget && analysis.estimatedBudget.amount > 0) {
    suggestions.budget = toDecimalInput(analysis.estimatedBudget.amount, analysis.estimatedBudget.currency);
  }
  const values = { ...state.values };
  const filled: AiField[] = [];
  const kept: AiField[] = [];
  for (const field of AI_FIELDS) {
    const suggestion = suggestions[field];
    if (!suggestion) continue;
    const own = state.userSet.includes(field) && !state.aiFilled.includes(field) && values[field] !== EMPTY_REQUEST[field];
    if (own && values[field] !== suggestion) {
      kept.push(field);
      continue;
    }
    (values as Record<FormField, string>)[field] = suggestion;
    filled.push(field);
  }
  const aiFilled = [...new Set([...state.aiFilled.filter((field) => !kept.includes(field)), ...filled])];
  return { state: { values, aiFilled, userSet: state.userSet.filter((field) => !filled.includes(field as AiField)) }, filled, kept };
}

/** The API's `ServiceRequestInput` from the form, or the per-field messages that stop the submit. */
export type RequestInputResult =
  | { ok: true; input: ServiceRequestInputValues }
  | { ok: false; errors: Partial<Record<FormField, string>> };

export interface ServiceRequestInputValues {
  categorySlug: string;
  title: string;
  description: string;
  city: string;
  address: string;
  urgency: Urgency;
  mode: RequestMode;
  budgetAmount: number | null;
  offerAmount: number | null;
  preferredDate: string | null;
}

/**
 * Checks what only the client can check (amounts that are not numbers, a missing offer price) and converts
 * amounts to minor units of `currency`. Everything else is the API's to judge: its field errors are shown as they come.
 */
export function toRequestInput(values: RequestFormValues, currency: string): RequestInputResult {
  const errors: Partial<Record<FormField, string>> = {};
  let budgetAmount: number | null = null;
  let offerAmount: number | null = null;
  if (values.mode === "BIDDING" && values.budget.trim()) {
    const parsed = toMinorUnits(values.budget, currency);
    if (parsed.ok) budgetAmount = parsed.amount;
    else errors.budget = parsed.error;
  }
  if (values.mode === "FIXED_OFFER") {
    if (!values.offer.trim()) errors.offer = "A fixed offer needs a price.";
    else {
      const parsed = toMinorUnits(values.offer, currency);
      if (parsed.ok) offerAmount = parsed.amount;
      else errors.offer = parsed.error;
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      categorySlug: values.categorySlug,
      title: values.title.trim(),
      description: values.description.trim(),
      city: values.city.trim(),
      address: values.address.trim(),
      urgency: values.urgency,
      mode: values.mode,
      budgetAmount,
      offerAmount,
      preferredDate: values.preferredDate || null,
    },
  };
}

/** The API's field names (`budgetAmount`, `categorySlug`…) → the form's inputs, for payload errors. */
export const API_FIELD_TO_FORM: Record<string, FormField> = {
  categorySlug: "categorySlug",
  title: "title",
  description: "description",
  city: "city",
  address: "address",
  urgency: "urgency",
  mode: "mode",
  budgetAmount: "budget",
  offerAmount: "offer",
  preferredDate: "preferredDate",
  latitude: "address",
};

export interface RequestForEditing {
  category: { slug: string };
  title: string;
  description: string;
  city: string;
  address?: string | null;
  urgency: string;
  mode: string;
  budget?: { amount: number; currency: string } | null;
  offer?: { amount: number; currency: string } | null;
  preferredDate?: string | null;
}

/** A stored request as form values (amounts back to decimals), to edit it. */
export function valuesFromRequest(request: RequestForEditing): RequestFormValues {
  return {
    categorySlug: request.category.slug,
    title: request.title,
    description: request.description,
    city: request.city,
    address: request.address ?? "",
    urgency: (URGENCIES.some((u) => u.value === request.urgency) ? request.urgency : "MEDIUM") as Urgency,
    mode: request.mode === "FIXED_OFFER" ? "FIXED_OFFER" : "BIDDING",
    budget: request.budget ? toDecimalInput(request.budget.amount, request.budget.currency) : "",
    offer: request.offer ? toDecimalInput(request.offer.amount, request.offer.currency) : "",
    preferredDate: request.preferredDate ?? "",
  };
}

export type RequestChanges = Partial<Omit<ServiceRequestInputValues, "mode">>;

export type RequestChangesResult = { ok: true; changes: RequestChanges } | { ok: false; errors: Partial<Record<FormField, string>> };

/**
 * Only what the customer changed, as `ServiceRequestChanges` (an absent field stays as it is): an untouched
 * preferred date that has since passed, or a category locked by bids, is not sent back to be refused. The mode cannot change after posting.
 */
export function toRequestChanges(original: RequestFormValues, edited: RequestFormValues, currency: string): RequestChangesResult {
  const converted = toRequestInput({ ...edited, mode: original.mode }, currency);
  if (!converted.ok) return converted;
  const before = toRequestInput(original, currency);
  const input = converted.input;
  const changes: RequestChanges = {};
  const keys = ["categorySlug", "title", "description", "city", "address", "urgency", "budgetAmount", "offerAmount", "preferredDate"] as const;
  for (const key of keys) {
    const previous = before.ok ? before.input[key] : undefined;
    if (input[key] !== previous) (changes as Record<string, unknown>)[key] = input[key];
  }
  // null clears a budget or a preferred date; a bidding request has no offer price to change.
  if (original.mode === "BIDDING") delete changes.offerAmount;
  return { ok: true, changes };
}
