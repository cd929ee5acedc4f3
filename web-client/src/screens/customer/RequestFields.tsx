/** The inputs of a service request, shared by the new-request form and the edit form on the request page. */
import { formatMoney } from "../../money/formatMoney";
import { toMinorUnits } from "../../money/minorUnits";
import { Field, SelectField, TextAreaField } from "../../components/Field";
import { URGENCIES, type FormField, type RequestFormValues } from "./requestForm";

export interface CategoryOption {
  slug: string;
  name: string;
}

interface RequestFieldsProps {
  values: RequestFormValues;
  onChange: <K extends FormField>(field: K, value: RequestFormValues[K]) => void;
  errors: Partial<Record<FormField, string>>;
  categories: readonly CategoryOption[];
  currency: string;
  aiFilled?: readonly string[];
  /** The mode is chosen once, when posting. */
  modeLocked?: boolean;
}

function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** What a typed amount will be posted as ("Reads as $120.50"), so a slip shows before submitting. */
function amountHint(text: string, currency: string, fallback: string): string {
  if (!text.trim()) return fallback;
  const parsed = toMinorUnits(text, currency);
  return parsed.ok ? `Reads as ${formatMoney({ amount: parsed.amount, currency })}.` : fallback;
}

export function RequestFields({ values, onChange, errors, categories, currency, aiFilled = [], modeLocked }: RequestFieldsProps) {
  const code = currency.toUpperCase();
  const ai = (field: FormField) => aiFilled.includes(field);
  const text = (field: FormField) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    onChange(field, event.target.value as never);
  const knownCategory = !values.categorySlug || categories.some((category) => category.slug === values.categorySlug);

  return (
    <>
      <SelectField label="Category" name="categorySlug" required value={values.categorySlug} onChange={text("categorySlug")} error={errors.categorySlug} aiFilled={ai("categorySlug")}>
        <option value="">Choose a category</option>
        {categories.map((category) => (
          <option key={category.slug} value={category.slug}>
            {category.name}
          </option>
        ))}
        {knownCategory ? null : <option value={values.categorySlug}>{values.categorySlug} (no longer offered)</option>}
      </SelectField>
      <Field label="Title" name="title" required maxLength={140} value={values.title} onChange={text("title")} error={errors.title} aiFilled={ai("title")} hint="5 to 140 characters, e.g. “Leaking kitchen sink”." />
      <TextAreaField label="Description" rows={5} name="description" required maxLength={5000} value={values.description} onChange={text("description")} error={errors.description} aiFilled={ai("description")} hint="What is wrong, where, and anything a provider should know." />
      <div className="field-row">
        <Field label="City" name="city" required autoComplete="address-level2" maxLength={120} value={values.city} onChange={text("city")} error={errors.city} />
        <Field label="Address (optional)" name="address" autoComplete="street-address" maxLength={255} value={values.address} onChange={text("address")} error={errors.address} hint="Shown to a provider only once they hold the job." />
      </div>
      <div className="field-row">
        <SelectField label="Urgency" name="urgency" value={values.urgency} onChange={text("urgency")} error={errors.urgency} aiFilled={ai("urgency")}>
          {URGENCIES.map((urgency) => (
            <option key={urgency.value} value={urgency.value}>
              {urgency.label}
            </option>
          ))}
        </SelectField>
        <Field label="Preferred date (optional)" name="preferredDate" type="date" min={modeLocked ? undefined : today()} value={values.preferredDate} onChange={text("preferredDate")} error={errors.preferredDate} />
      </div>
      <fieldset className="role-choice mode-choice" disabled={modeLocked}>
        <legend>How do you want to hire?</legend>
        {(
          [
            ["BIDDING", "Get bids", "Verified providers offer their price; you pick one."],
            ["FIXED_OFFER", "Offer a fixed price", "The first approved provider to accept your price gets the job."],
          ] as const
        ).map(([value, title, detail]) => (
          <label key={value} className={`role-option${values.mode === value ? " selected" : ""}`}>
            <input type="radio" name="mode" value={value} checked={values.mode === value} onChange={() => onChange("mode", value)} />
            <span>
              <strong>{title}</strong>
              <small>{detail}</small>
            </span>
          </label>
        ))}
        {errors.mode ? (
          <p className="field-error" data-field-error="mode">
            {errors.mode}
          </p>
        ) : null}
      </fieldset>
      {values.mode === "BIDDING" ? (
        <Field
          label={`Budget (${code}, optional)`}
          name="budget"
          inputMode="decimal"
          autoComplete="off"
          value={values.budget}
          onChange={text("budget")}
          error={errors.budget}
          aiFilled={ai("budget")}
          hint={amountHint(values.budget, currency, "A guide for providers, e.g. 120.50.")}
        />
      ) : (
        <Field
          label={`Your price (${code})`}
          name="offer"
          inputMode="decimal"
          autoComplete="off"
          required
          value={values.offer}
          onChange={text("offer")}
          error={errors.offer}
          hint={amountHint(values.offer, currency, ai("budget") && values.budget ? `The photo suggests about ${values.budget} ${code}.` : "What you will pay, e.g. 120.50.")}
        />
      )}
    </>
  );
}
