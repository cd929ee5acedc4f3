/** The profile form's text inputs → `updateProviderProfile` variables, with the checks the browser can make first. */

export interface ProfileInputs {
  bio: string;
  city: string;
  categorySlugs: string[];
  serviceRadiusKm: string;
  latitude: string;
  longitude: string;
}

export interface ProfileVariables {
  bio: string;
  city: string;
  categorySlugs: string[];
  serviceRadiusKm: number;
  latitude: number | null;
  longitude: number | null;
}

export type ProfileValidation = { ok: true; variables: ProfileVariables } | { ok: false; errors: Record<string, string> };

function coordinate(text: string, limit: number, name: string): number | string | null {
  const trimmed = text.trim().replace(",", ".");
  if (!trimmed) return null;
  if (!/^[-+]?\d+(\.\d+)?$/.test(trimmed)) return `Enter the ${name} as a decimal number, like ${name === "latitude" ? "31.5204" : "74.3587"}.`;
  const value = Number(trimmed);
  return Math.abs(value) > limit ? `The ${name} must be between -${limit} and ${limit}.` : value;
}

export function validateProfile(inputs: ProfileInputs): ProfileValidation {
  const errors: Record<string, string> = {};
  const radius = Number(inputs.serviceRadiusKm);
  if (!inputs.serviceRadiusKm.trim() || !Number.isInteger(radius) || radius < 1 || radius > 500) {
    errors.serviceRadiusKm = "Enter whole kilometres between 1 and 500.";
  }
  const latitude = coordinate(inputs.latitude, 90, "latitude");
  const longitude = coordinate(inputs.longitude, 180, "longitude");
  if (typeof latitude === "string") errors.latitude = latitude;
  if (typeof longitude === "string") errors.longitude = longitude;
  if (!errors.latitude && !errors.longitude && (latitude === null) !== (longitude === null)) {
    errors[latitude === null ? "latitude" : "longitude"] = "Give both latitude and longitude, or neither.";
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    variables: {
      bio: inputs.bio.trim(),
      city: inputs.city.trim(),
      categorySlugs: inputs.categorySlugs,
      serviceRadiusKm: radius,
      latitude: latitude as number | null,
      longitude: longitude as number | null,
    },
  };
}

/** A position from the browser, rounded to about a metre (5 decimals): enough for matching, no false precision. */
export function roundCoordinate(value: number): string {
  return String(Math.round(value * 1e5) / 1e5);
}
