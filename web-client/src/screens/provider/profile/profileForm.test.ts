import { describe, expect, it } from "vitest";

import { roundCoordinate, validateProfile, type ProfileInputs } from "./profileForm";

const inputs = (changes: Partial<ProfileInputs> = {}): ProfileInputs => ({
  bio: "  Licensed plumber.  ",
  city: " Lahore ",
  categorySlugs: ["plumbing"],
  serviceRadiusKm: "25",
  latitude: "",
  longitude: "",
  ...changes,
});

describe("validateProfile", () => {
  it("turns the inputs into the mutation's variables", () => {
    expect(validateProfile(inputs({ latitude: "31.5204", longitude: "74,3587" }))).toEqual({
      ok: true,
      variables: { bio: "Licensed plumber.", city: "Lahore", categorySlugs: ["plumbing"], serviceRadiusKm: 25, latitude: 31.5204, longitude: 74.3587 },
    });
  });

  it("clears the location when both coordinates are empty", () => {
    const result = validateProfile(inputs());
    expect(result.ok && [result.variables.latitude, result.variables.longitude]).toEqual([null, null]);
  });

  it("asks for both coordinates or neither, and for numbers in range", () => {
    expect(validateProfile(inputs({ latitude: "31.5" }))).toEqual({ ok: false, errors: { longitude: "Give both latitude and longitude, or neither." } });
    expect(validateProfile(inputs({ latitude: "91", longitude: "abc" }))).toEqual({
      ok: false,
      errors: { latitude: "The latitude must be between -90 and 90.", longitude: "Enter the longitude as a decimal number, like 74.3587." },
    });
  });

  it("wants a whole service radius between 1 and 500 km", () => {
    for (const radius of ["", "0", "501", "2.5", "ten"]) {
      expect(validateProfile(inputs({ serviceRadiusKm: radius }))).toEqual({ ok: false, errors: { serviceRadiusKm: "Enter whole kilometres between 1 and 500." } });
    }
  });

  it("rounds a browser position to five decimals", () => {
    expect(roundCoordinate(31.520412345)).toBe("31.52041");
    expect(roundCoordinate(-0.000004)).toBe("0");
  });
});
