/** Bio, city, categories, service radius and optional coordinates (typed, or from the browser) → `updateProviderProfile`. */
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";

import { Field, FormAlert, TextAreaField } from "../../../components/Field";
import { hasErrors, mutationErrors } from "../../../components/fieldErrors";
import type { ProviderProfileFieldsFragment } from "../../../gql/graphql";
import { UpdateProviderProfileMutation } from "../operations";
import { roundCoordinate, validateProfile, type ProfileInputs } from "./profileForm";

const FIELDS = ["bio", "city", "categorySlugs", "serviceRadiusKm", "latitude", "longitude"] as const;

interface ProfileFormProps {
  profile: ProviderProfileFieldsFragment;
  categories: readonly { id: string; slug: string; name: string }[];
}

export function ProfileForm({ profile, categories }: ProfileFormProps) {
  const [inputs, setInputs] = useState<ProfileInputs>(() => ({
    bio: profile.bio,
    city: profile.city,
    categorySlugs: profile.categories.map((category) => category.slug),
    serviceRadiusKm: String(profile.serviceRadiusKm),
    latitude: profile.latitude == null ? "" : String(profile.latitude),
    longitude: profile.longitude == null ? "" : String(profile.longitude),
  }));
  const [errors, setErrors] = useState<{ byField: Record<string, string>; general: string[] }>({ byField: {}, general: [] });
  const [saved, setSaved] = useState("");
  const [state, save] = useMutation(UpdateProviderProfileMutation);
  const [locating, setLocating] = useState(false);
  const [locationProblem, setLocationProblem] = useState("");
  const canLocate = typeof navigator !== "undefined" && "geolocation" in navigator;

  const set = (name: keyof ProfileInputs) => (value: string) => {
    setSaved("");
    setInputs((current) => ({ ...current, [name]: value }));
  };
  const toggleCategory = (slug: string, checked: boolean) => {
    setSaved("");
    setInputs((current) => ({
      ...current,
      categorySlugs: checked ? [...current.categorySlugs, slug] : current.categorySlugs.filter((s) => s !== slug),
    }));
  };

  const locate = () => {
    setLocating(true);
    setLocationProblem("");
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        setSaved("");
        setInputs((current) => ({ ...current, latitude: roundCoordinate(position.coords.latitude), longitude: roundCoordinate(position.coords.longitude) }));
      },
      (error) => {
        setLocating(false);
        setLocationProblem(
          error.code === error.PERMISSION_DENIED
            ? "Your browser did not allow us to read your location. Type the coordinates instead, or leave them empty to be matched by city."
            : "We could not read your location. Type the coordinates instead, or leave them empty to be matched by city.",
        );
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setSaved("");
    const checked = validateProfile(inputs);
    if (!checked.ok) {
      setErrors({ byField: checked.errors, general: [] });
      focusFirstInvalid(form);
      return;
    }
    const result = await save(checked.variables);
    const payload = result.data?.updateProviderProfile;
    const split = mutationErrors(result.error, payload?.errors, FIELDS);
    setErrors(split);
    if (hasErrors(split)) {
      focusFirstInvalid(form);
      return;
    }
    setSaved("Profile saved.");
  };

  return (
    <form className="card profile-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="profile-form-title">
      <h2 id="profile-form-title">About you</h2>
      <FormAlert messages={errors.general} />
      <TextAreaField
        label="Bio"
        name="bio"
        rows={4}
        maxLength={4000}
        value={inputs.bio}
        onChange={(event) => set("bio")(event.target.value)}
        error={errors.byField.bio}
        hint="Your experience, licences and the work you like to do."
      />
      <div className="field-row">
        <Field label="City" name="city" autoComplete="address-level2" value={inputs.city} onChange={(event) => set("city")(event.target.value)} error={errors.byField.city} />
        <Field
          label="Service radius (km)"
          name="serviceRadiusKm"
          type="number"
          inputMode="numeric"
          min={1}
          max={500}
          step={1}
          value={inputs.serviceRadiusKm}
          onChange={(event) => set("serviceRadiusKm")(event.target.value)}
          error={errors.byField.serviceRadiusKm}
        />
      </div>
      <fieldset className="check-group" aria-describedby={errors.byField.categorySlugs ? "categories-error" : "categories-hint"}>
        <legend>Categories you serve</legend>
        <p className="field-hint" id="categories-hint">
          You see and can bid on open requests in these categories.
        </p>
        <div className="check-grid">
          {categories.map((category) => (
            <label key={category.id} className="check">
              <input
                type="checkbox"
                name="categorySlugs"
                value={category.slug}
                checked={inputs.categorySlugs.includes(category.slug)}
                onChange={(event) => toggleCategory(category.slug, event.target.checked)}
              />
              {category.name}
            </label>
          ))}
        </div>
        {errors.byField.categorySlugs ? (
          <p className="field-error" id="categories-error" data-field-error="categorySlugs">
            {errors.byField.categorySlugs}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="location">
        <legend>Location (optional)</legend>
        <p className="field-hint">With coordinates, you are matched to requests within your radius; without them, to requests in your city.</p>
        <div className="field-row">
          <Field
            label="Latitude"
            name="latitude"
            inputMode="decimal"
            autoComplete="off"
            value={inputs.latitude}
            onChange={(event) => set("latitude")(event.target.value)}
            error={errors.byField.latitude}
          />
          <Field
            label="Longitude"
            name="longitude"
            inputMode="decimal"
            autoComplete="off"
            value={inputs.longitude}
            onChange={(event) => set("longitude")(event.target.value)}
            error={errors.byField.longitude}
          />
        </div>
        {canLocate ? (
          <p>
            <button type="button" className="button button-small button-secondary" onClick={locate} disabled={locating}>
              {locating ? "Finding your location…" : "Use my location"}
            </button>
          </p>
        ) : null}
        {locationProblem ? (
          <p className="field-error" role="alert">
            {locationProblem}
          </p>
        ) : null}
      </fieldset>
      <p className="alert alert-success" role="status" hidden={!saved}>
        {saved}
      </p>
      <div>
        <button type="submit" className="button" disabled={state.fetching}>
          {state.fetching ? "Saving…" : "Save profile"}
        </button>
      </div>
    </form>
  );
}

function focusFirstInvalid(form: HTMLFormElement) {
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
