/**
 * /app/customer/requests/new (`?category=<slug>` preselects): post a request, optionally starting from a photo
 * that `analyzeRequestImage` reads into a draft. The photo goes up with the request too.
 */
import { useEffect, useReducer, useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useMutation, useQuery, type CombinedError } from "urql";

import { ControlFrame, Field, FormAlert } from "../../components/Field";
import { QueryState, errorMessage } from "../../components/QueryState";
import { splitErrors, type PayloadError } from "../../components/fieldErrors";
import { AnalyzeRequestImageMutation, CreateServiceRequestMutation, NewRequestOptionsQuery } from "./operations";
import { RequestFields } from "./RequestFields";
import {
  API_FIELD_TO_FORM,
  applyAnalysis,
  editField,
  initialRequestForm,
  toRequestInput,
  type AiField,
  type FormField,
  type ImageAnalysis,
  type RequestFormState,
  type RequestFormValues,
} from "./requestForm";

const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const FORM_FIELDS: readonly string[] = ["categorySlug", "title", "description", "city", "address", "urgency", "mode", "budget", "offer", "preferredDate", "photo", "note"];
const AI_FIELD_LABELS: Record<AiField, string> = { categorySlug: "category", title: "title", description: "description", urgency: "urgency", budget: "budget" };

interface PrefillSummary {
  filled: AiField[];
  kept: AiField[];
  confidence: number;
  source: ImageAnalysis["source"];
}

type Action =
  | { type: "edit"; field: FormField; value: RequestFormValues[FormField] }
  | { type: "analysis"; analysis: ImageAnalysis };

function reducer(state: { form: RequestFormState; prefill: PrefillSummary | null }, action: Action) {
  if (action.type === "edit") return { ...state, form: editField(state.form, action.field, action.value) };
  const { state: form, filled, kept } = applyAnalysis(state.form, action.analysis);
  return { form, prefill: { filled, kept, confidence: action.analysis.confidence, source: action.analysis.source } };
}

/** Payload errors with the API's input names (`budgetAmount`, `photos`, `image`) renamed to the form's. */
function formErrors(errors: readonly PayloadError[] | null | undefined) {
  const renamed = (errors ?? []).map((error) => ({
    ...error,
    field: error.field === "photos" || error.field === "image" ? "photo" : error.field ? (API_FIELD_TO_FORM[error.field] ?? error.field) : null,
  }));
  return splitErrors(renamed, FORM_FIELDS);
}

function listOf(words: string[]): string {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

export function NewRequestScreen() {
  const [params] = useSearchParams();
  const [options, refetchOptions] = useQuery({ query: NewRequestOptionsQuery });
  return (
    <section className="customer-new-request">
      <p className="back-link">
        <Link to="/app/customer/requests">My requests</Link>
      </p>
      <h1>New request</h1>
      <p className="subtitle">Describe the job, or start from a photo and let ServeFlow fill in the details. Verified providers near you will be told.</p>
      <QueryState result={options} retry={() => refetchOptions({ requestPolicy: "network-only" })} loadingLabel="Loading the categories…">
        {(data) => (
          <NewRequestForm
            categories={data.categories}
            currency={data.site?.currency.code ?? data.categories[0]?.basePrice.currency ?? "USD"}
            preselectedCategory={params.get("category")}
          />
        )}
      </QueryState>
    </section>
  );
}

interface NewRequestFormProps {
  categories: readonly { slug: string; name: string }[];
  currency: string;
  preselectedCategory: string | null;
}

function NewRequestForm({ categories, currency, preselectedCategory }: NewRequestFormProps) {
  const navigate = useNavigate();
  const [{ form, prefill }, dispatch] = useReducer(reducer, preselectedCategory, (slug) => ({ form: initialRequestForm(slug), prefill: null }));
  const [photo, setPhoto] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [photoError, setPhotoError] = useState<string | undefined>();
  const [clientErrors, setClientErrors] = useState<Partial<Record<FormField, string>>>({});
  const [analysisResult, analyze] = useMutation(AnalyzeRequestImageMutation);
  const [createResult, create] = useMutation(CreateServiceRequestMutation);

  useEffect(() => {
    if (!photo) return setPreview(null);
    const url = URL.createObjectURL(photo);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [photo]);

  const analysisErrors = formErrors(analysisResult.data?.analyzeRequestImage.errors);
  const created = formErrors(createResult.data?.createServiceRequest.errors);
  const errors: Record<string, string | undefined> = { ...created.byField, ...clientErrors };
  const generalErrors = [...created.general, ...(createResult.error ? [errorMessage(createResult.error)] : [])];
  if (Object.keys(errors).length && !generalErrors.length) generalErrors.push("Please correct the fields marked below.");

  function choosePhoto(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0] ?? null;
    setPhotoError(file && file.size > MAX_PHOTO_BYTES ? "The photo is larger than 10 MB; choose a smaller one." : undefined);
    setPhoto(file);
  }

  async function fillFromPhoto() {
    if (!photo || photoError) return;
    const result = await analyze({ image: photo, note: note.trim() || null });
    const analysis = result.data?.analyzeRequestImage.analysis;
    if (analysis) dispatch({ type: "analysis", analysis });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const converted = toRequestInput(form.values, currency);
    if (!converted.ok) return setClientErrors(converted.errors);
    setClientErrors({});
    if (photoError) return;
    const result = await create({ input: converted.input, photos: photo ? [photo] : null });
    const request = result.data?.createServiceRequest.serviceRequest;
    if (request) navigate(`/app/customer/requests/${encodeURIComponent(request.id)}`, { state: { posted: true } });
  }

  return (
    <form onSubmit={submit} noValidate className="request-form" aria-label="New request">
      <FormAlert messages={generalErrors} />
      <fieldset className="card photo-intake">
        <legend>Start from a photo (optional)</legend>
        <div className="photo-row">
          <ControlFrame label="Photo" name="photo" error={photoError ?? analysisErrors.byField.photo ?? errors.photo} hint="JPEG, PNG or WebP up to 10 MB. It is attached to your request.">
            {({ id, describedBy, invalid }) => (
              <input id={id} name="photo" type="file" accept="image/*" aria-invalid={invalid} aria-describedby={describedBy} onChange={choosePhoto} />
            )}
          </ControlFrame>
          {preview ? <img className="photo-preview" src={preview} alt="The photo you chose" /> : null}
        </div>
        <Field label="Note (optional)" name="note" maxLength={1000} value={note} onChange={(event) => setNote(event.target.value)} error={analysisErrors.byField.note} hint="Anything the photo does not show, e.g. “it started leaking this morning”." />
        <div>
          <button type="button" className="button button-secondary" onClick={() => void fillFromPhoto()} disabled={!photo || !!photoError || analysisResult.fetching}>
            {analysisResult.fetching ? "Reading the photo…" : "Fill in from photo"}
          </button>
        </div>
        <AnalysisStatus fetching={analysisResult.fetching} error={analysisResult.error} general={analysisErrors.general} prefill={prefill} />
      </fieldset>

      <RequestFields
        values={form.values}
        onChange={(field, value) => dispatch({ type: "edit", field, value })}
        errors={errors}
        categories={categories}
        currency={currency}
        aiFilled={form.aiFilled}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={createResult.fetching || analysisResult.fetching}>
          {createResult.fetching ? "Posting…" : "Post request"}
        </button>
        <Link to="/app/customer/requests" className="button button-secondary">
          Cancel
        </Link>
      </div>
    </form>
  );
}

function AnalysisStatus({ fetching, error, general, prefill }: { fetching: boolean; error?: CombinedError; general: string[]; prefill: PrefillSummary | null }) {
  if (fetching) {
    return (
      <p className="page-status-inline" role="status">
        Reading your photo…
      </p>
    );
  }
  if (error || general.length) {
    return (
      <div className="alert alert-error" role="alert">
        <p>{error ? errorMessage(error) : general.join(" ")}</p>
      </div>
    );
  }
  if (!prefill) return <p className="field-hint">ServeFlow suggests a category, title, description, urgency and budget; you can change all of them.</p>;
  const percent = Math.round(prefill.confidence * 100);
  const filled = listOf(prefill.filled.map((field) => AI_FIELD_LABELS[field]));
  const kept = listOf(prefill.kept.map((field) => AI_FIELD_LABELS[field]));
  return (
    <div className={`alert ${prefill.source === "FALLBACK" ? "alert-warning" : "alert-info"}`} role="status" data-testid="ai-prefill" data-source={prefill.source}>
      {prefill.source === "FALLBACK" ? (
        <p>
          <strong>Automatic photo reading is unavailable right now.</strong> We made a rough guess from the photo's details (confidence {percent}%). Please
          check every field.
        </p>
      ) : (
        <p>
          <strong>Filled in by AI</strong> from your photo (confidence {percent}%). Check the details before posting.
        </p>
      )}
      {filled ? <p>Filled in: {filled}.</p> : null}
      {kept ? <p>Kept what you entered for: {kept}.</p> : null}
    </div>
  );
}
