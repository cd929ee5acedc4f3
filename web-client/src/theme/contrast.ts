/**
 * WCAG 2 colour contrast for #rrggbb colours: the ratio, and the small adjustments the theme mapping makes so a
 * colour chosen in the CMS stays readable (text ≥ 4.5:1, WCAG AA for normal text).
 */

export const AA_TEXT = 4.5;

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `#abc` / `#AABBCC` → `#aabbcc`; anything else → null (the CMS validates colours, but the client trusts nothing). */
export function normalizeHex(value: unknown): string | null {
  if (typeof value !== "string" || !HEX.test(value.trim())) return null;
  const hex = value.trim().toLowerCase();
  return hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex;
}

function channels(hex: string): [number, number, number] {
  const normal = normalizeHex(hex);
  if (!normal) throw new RangeError(`Not a #rrggbb colour: ${hex}`);
  return [1, 3, 5].map((i) => parseInt(normal.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG 2 relative luminance, 0 (black) … 1 (white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1 … 21, symmetric. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** `a` mixed with `weight` (0 … 1) of `b`, in sRGB like CSS `color-mix(in srgb, …)`. */
export function mix(a: string, b: string, weight: number): string {
  const [ca, cb] = [channels(a), channels(b)];
  return toHex(ca.map((c, i) => c + (cb[i] - c) * weight));
}

/** Black or white, whichever reads better on `background` (one of them always reaches at least 4.58:1). */
export function blackOrWhite(background: string): string {
  return contrastRatio("#000000", background) >= contrastRatio("#ffffff", background) ? "#000000" : "#ffffff";
}

/**
 * The text colour to use on `background`: the first of `preferred` that reaches `minimum`, else black or white.
 * The result always reaches 4.5:1 (AA) when `minimum` is 4.5.
 */
export function readableOn(background: string, preferred: readonly string[] = ["#ffffff"], minimum = AA_TEXT): string {
  for (const candidate of preferred) {
    const colour = normalizeHex(candidate);
    if (colour && contrastRatio(colour, background) >= minimum) return colour;
  }
  return blackOrWhite(background);
}

/**
 * `colour` itself when it reaches `minimum` against every one of `backgrounds`; otherwise the same hue moved
 * towards black or white (whichever the backgrounds allow) in small steps, just far enough to pass.
 */
export function ensureContrast(colour: string, backgrounds: readonly string[], minimum = AA_TEXT): string {
  const passes = (candidate: string) => backgrounds.every((background) => contrastRatio(candidate, background) >= minimum);
  const start = normalizeHex(colour);
  if (!start) throw new RangeError(`Not a #rrggbb colour: ${colour}`);
  if (passes(start)) return start;
  const darkest = Math.min(...backgrounds.map(relativeLuminance));
  const lightest = Math.max(...backgrounds.map(relativeLuminance));
  // Light backgrounds need darker text, dark ones lighter text; try the likelier direction first.
  const towards = 1 - lightest > darkest ? ["#ffffff", "#000000"] : ["#000000", "#ffffff"];
  for (const target of towards) {
    for (let step = 1; step <= 20; step++) {
      const candidate = mix(start, target, step / 20);
      if (passes(candidate)) return candidate;
    }
  }
  return blackOrWhite(backgrounds[0]);
}
