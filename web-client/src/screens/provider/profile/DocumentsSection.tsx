/** The provider's verification documents: the list, and an upload (GraphQL multipart: urql sends a `File` variable as a form). */
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";

import { Field, FormAlert, SelectField } from "../../../components/Field";
import { hasErrors, mutationErrors } from "../../../components/fieldErrors";
import { formatDateTime } from "../../../components/dates";
import { UploadProviderDocumentMutation } from "../operations";

// The kinds the API accepts (marketplace.providers.models.ProviderDocument.Kind).
export const DOCUMENT_KINDS: Record<string, string> = {
  IDENTITY: "Identity document",
  LICENCE: "Trade licence",
  CERTIFICATE: "Certificate",
  OTHER: "Other",
};
const MAX_BYTES = 10 * 1024 * 1024;

interface Document {
  id: string;
  kind: string;
  uploadedAt: string;
  url: string;
}

export function DocumentsSection({ documents, onUploaded }: { documents: readonly Document[]; onUploaded: () => void }) {
  const [kind, setKind] = useState("IDENTITY");
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ byField: Record<string, string>; general: string[] }>({ byField: {}, general: [] });
  const [done, setDone] = useState("");
  const [state, upload] = useMutation(UploadProviderDocumentMutation);
  const [fileInputKey, setFileInputKey] = useState(0); // a new key empties the file input after an upload

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone("");
    if (!file) return setErrors({ byField: { file: "Choose a PDF or an image to upload." }, general: [] });
    if (file.size > MAX_BYTES) return setErrors({ byField: { file: "Documents may be at most 10 MB." }, general: [] });
    const result = await upload({ kind, file });
    const payload = result.data?.uploadProviderDocument;
    const split = mutationErrors(result.error, payload?.errors, ["kind", "file"]);
    setErrors(split);
    if (hasErrors(split) || !payload?.document) return;
    setDone(`${DOCUMENT_KINDS[payload.document.kind] ?? payload.document.kind} uploaded.`);
    setFile(null);
    setFileInputKey((key) => key + 1);
    onUploaded();
  };

  return (
    <section className="card profile-section" aria-labelledby="documents-title">
      <h2 id="documents-title">Documents</h2>
      <p className="subtitle">An identity document and your trade licence or certificates help us verify you. Only you and our team see them.</p>
      {documents.length ? (
        <div className="table-wrap">
          <table className="data" data-testid="documents">
            <caption className="visually-hidden">Your documents</caption>
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Uploaded</th>
                <th scope="col">File</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((document) => (
                <tr key={document.id}>
                  <td>{DOCUMENT_KINDS[document.kind] ?? document.kind}</td>
                  <td>{formatDateTime(document.uploadedAt)}</td>
                  <td>
                    <a href={document.url} target="_blank" rel="noreferrer">
                      View<span className="visually-hidden"> {DOCUMENT_KINDS[document.kind] ?? document.kind}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">No documents yet.</p>
      )}
      <form className="document-form" noValidate onSubmit={(event) => void submit(event)} aria-label="Upload a document">
        <FormAlert messages={errors.general} />
        <div className="field-row">
          <SelectField label="Document type" name="kind" value={kind} onChange={(event) => setKind(event.target.value)} error={errors.byField.kind}>
            {Object.entries(DOCUMENT_KINDS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <Field
            key={fileInputKey}
            label="File"
            name="file"
            type="file"
            accept="application/pdf,image/jpeg,image/png,image/webp"
            onChange={(event) => {
              setDone("");
              setFile(event.target.files?.[0] ?? null);
            }}
            error={errors.byField.file}
            hint="PDF, JPEG, PNG or WebP, up to 10 MB."
          />
        </div>
        <p className="alert alert-success" role="status" hidden={!done}>
          {done}
        </p>
        <div>
          <button type="submit" className="button button-secondary" disabled={state.fetching}>
            {state.fetching ? "Uploading…" : "Upload document"}
          </button>
        </div>
      </form>
    </section>
  );
}
