import { describe, expect, it } from "vitest";

import { cssVariableName, defaultTheme, themeVariables } from "./ThemeProvider";

describe("theme variables", () => {
  it("names variables after the theme keys", () => {
    expect(cssVariableName("colorPrimaryContrast")).toBe("--sf-color-primary-contrast");
  });

  it("takes the CMS's values and falls back to the defaults for missing or unknown ones", () => {
    const variables = themeVariables({ colorPrimary: "#7a1fa2", colorText: "  ", ...({ evil: "url(x)" } as object) });
    expect(variables["--sf-color-primary"]).toBe("#7a1fa2");
    expect(variables["--sf-color-text"]).toBe(defaultTheme.colorText);
    expect(Object.keys(variables)).toHaveLength(Object.keys(defaultTheme).length);
  });
});
