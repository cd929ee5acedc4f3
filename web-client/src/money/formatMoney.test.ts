import { describe, expect, it } from "vitest";

import { formatMoney, minorUnitExponent } from "./formatMoney";

// Intl separates symbol and number with a no-break space in many locales; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("minorUnitExponent", () => {
  it("knows each currency's minor unit", () => {
    expect(minorUnitExponent("USD")).toBe(2);
    expect(minorUnitExponent("pkr")).toBe(2);
    expect(minorUnitExponent("JPY")).toBe(0);
    expect(minorUnitExponent("KWD")).toBe(3);
  });
});

describe("formatMoney", () => {
  it("reads integer minor units in the currency's exponent", () => {
    expect(formatMoney({ amount: 123456, currency: "USD" }, "en-US")).toBe("$1,234.56");
    expect(formatMoney({ amount: 80000, currency: "pkr" }, "en-US")).toBe("PKR 800.00".replace(" ", "\u00a0"));
    expect(formatMoney({ amount: 500, currency: "JPY" }, "en-US")).toBe("¥500");
    expect(plain(formatMoney({ amount: 1234, currency: "KWD" }, "en-US"))).toBe("KWD 1.234");
  });

  it("follows the reader's locale", () => {
    expect(plain(formatMoney({ amount: 123456, currency: "EUR" }, "de-DE"))).toBe("1.234,56 €");
    expect(plain(formatMoney({ amount: 123456, currency: "EUR" }, "fr-FR"))).toBe("1 234,56 €");
  });

  it("keeps the sign and pads small amounts", () => {
    expect(formatMoney({ amount: -2500, currency: "USD" }, "en-US")).toBe("-$25.00");
    expect(formatMoney({ amount: 5, currency: "USD" }, "en-US")).toBe("$0.05");
    expect(formatMoney({ amount: 0, currency: "USD" }, "en-US")).toBe("$0.00");
  });

  it("is exact for large amounts, where dividing a float by 100 would drift", () => {
    // 9007199254740991 is Number.MAX_SAFE_INTEGER; as cents it has no exact float representation / 100.
    expect(formatMoney({ amount: 9007199254740991, currency: "USD" }, "en-US")).toBe("$90,071,992,547,409.91");
  });

  it("refuses fractional minor units", () => {
    expect(() => formatMoney({ amount: 12.5, currency: "USD" })).toThrow(RangeError);
  });
});
