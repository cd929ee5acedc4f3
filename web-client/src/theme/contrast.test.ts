import { describe, expect, it } from "vitest";

import { blackOrWhite, contrastRatio, ensureContrast, mix, normalizeHex, readableOn, relativeLuminance } from "./contrast";

/** A spread of colours across the cube, light and dark, saturated and grey. */
function sampleColours(): string[] {
  const steps = [0x00, 0x33, 0x66, 0x80, 0x99, 0xcc, 0xee, 0xff];
  const hex = (n: number) => n.toString(16).padStart(2, "0");
  return steps.flatMap((r) => steps.flatMap((g) => steps.map((b) => `#${hex(r)}${hex(g)}${hex(b)}`)));
}

describe("contrast", () => {
  it("computes WCAG 2 luminance and ratios", () => {
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1);
    expect(relativeLuminance("#000000")).toBe(0);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21);
    // Known pairs: #767676 is the lightest grey that passes AA on white, #777777 just fails.
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
  });

  it("accepts only hex colours, in long or short form", () => {
    expect(normalizeHex("#ABC")).toBe("#aabbcc");
    expect(normalizeHex(" #2563EB ")).toBe("#2563eb");
    for (const bad of ["red", "#12345", "rgb(0,0,0)", "#12345g", "", null, 12]) expect(normalizeHex(bad)).toBeNull();
  });

  it("mixes in sRGB like CSS color-mix", () => {
    expect(mix("#000000", "#ffffff", 0.5)).toBe("#808080");
    expect(mix("#2563eb", "#2563eb", 0.3)).toBe("#2563eb");
    expect(mix("#ff0000", "#0000ff", 0)).toBe("#ff0000");
  });

  it("always finds a text colour that reaches AA on any background", () => {
    for (const background of sampleColours()) {
      expect(contrastRatio(readableOn(background), background), background).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(blackOrWhite(background), background), background).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("prefers the given colours when they pass", () => {
    expect(readableOn("#0b5cad")).toBe("#ffffff");
    expect(readableOn("#fbbf24", ["#ffffff", "#1a2233"])).toBe("#1a2233");
    expect(readableOn("#fbbf24", ["#ffffff"])).toBe("#000000");
  });

  it("keeps a colour that passes and moves one that does not just far enough", () => {
    expect(ensureContrast("#2563eb", ["#ffffff"])).toBe("#2563eb");
    const amber = ensureContrast("#fbbf24", ["#ffffff", "#f8fafc"]);
    expect(contrastRatio(amber, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(amber, "#f8fafc")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(amber, "#ffffff")).toBeLessThan(6); // not simply black
    const onDark = ensureContrast("#1e3a8a", ["#0f172a"]);
    expect(relativeLuminance(onDark)).toBeGreaterThan(relativeLuminance("#1e3a8a")); // lightened on a dark page
    expect(contrastRatio(onDark, "#0f172a")).toBeGreaterThanOrEqual(4.5);
  });

  it("reaches any target against every background it is given", () => {
    for (const colour of sampleColours().filter((_, i) => i % 7 === 0)) {
      for (const backgrounds of [["#ffffff", "#f8fafc"], ["#0f172a", "#1c2436"], ["#fdf6e3"]]) {
        const result = ensureContrast(colour, backgrounds);
        for (const background of backgrounds) expect(contrastRatio(result, background), `${colour} on ${background}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
