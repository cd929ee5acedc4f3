import { describe, expect, it } from "vitest";

import { minorToDecimalInput, parseDecimalAmount } from "./amountInput";

const amount = (text: string, currency = "USD") => parseDecimalAmount(text, currency);

describe("parseDecimalAmount", () => {
  it("turns a decimal into minor units of the currency", () => {
    expect(amount("120.50")).toEqual({ ok: true, amount: 12050 });
    expect(amount("120.5")).toEqual({ ok: true, amount: 12050 });
    expect(amount("120")).toEqual({ ok: true, amount: 12000 });
    expect(amount(".75")).toEqual({ ok: true, amount: 75 });
    expect(amount("7.")).toEqual({ ok: true, amount: 700 });
    expect(amount(" 0.01 ")).toEqual({ ok: true, amount: 1 });
    expect(amount("800.00", "pkr")).toEqual({ ok: true, amount: 80000 });
    expect(amount("500", "JPY")).toEqual({ ok: true, amount: 500 });
    expect(amount("1.234", "KWD")).toEqual({ ok: true, amount: 1234 });
  });

  it("never rounds through binary floats", () => {
    expect(amount("0.29")).toEqual({ ok: true, amount: 29 });
    expect(amount("1.13")).toEqual({ ok: true, amount: 113 });
    expect(amount("4.35")).toEqual({ ok: true, amount: 435 });
    expect(amount("90071992547409.91")).toEqual({ ok: true, amount: 9007199254740991 });
  });

  it("accepts thousands separators and a lone decimal comma", () => {
    expect(amount("1,250.00")).toEqual({ ok: true, amount: 125000 });
    expect(amount("1,250,000")).toEqual({ ok: true, amount: 125000000 });
    expect(amount("120,50")).toEqual({ ok: true, amount: 12050 });
    expect(amount("1 250.00")).toEqual({ ok: true, amount: 125000 });
  });

  it("refuses what is not a positive amount the currency can hold", () => {
    expect(amount("")).toEqual({ ok: false, error: "Enter an amount." });
    expect(amount("abc").ok).toBe(false);
    expect(amount(".").ok).toBe(false);
    expect(amount("-5").ok).toBe(false);
    expect(amount("+5").ok).toBe(false);
    expect(amount("1e3").ok).toBe(false);
    expect(amount("1.2.3").ok).toBe(false);
    expect(amount("12,50,00").ok).toBe(false);
    expect(amount("0")).toEqual({ ok: false, error: "Enter an amount above zero." });
    expect(amount("0.00")).toEqual({ ok: false, error: "Enter an amount above zero." });
    expect(amount("1.005")).toEqual({ ok: false, error: "Use at most 2 decimal places." });
    expect(amount("5.5", "JPY")).toEqual({ ok: false, error: "This currency has no decimal places." });
    expect(amount("90071992547409.92")).toEqual({ ok: false, error: "That amount is too large." });
  });
});

describe("minorToDecimalInput", () => {
  it("writes minor units as the decimal an input shows", () => {
    expect(minorToDecimalInput(12050, "usd")).toBe("120.50");
    expect(minorToDecimalInput(5, "USD")).toBe("0.05");
    expect(minorToDecimalInput(500, "JPY")).toBe("500");
    expect(minorToDecimalInput(1234, "KWD")).toBe("1.234");
  });

  it("round-trips with parseDecimalAmount", () => {
    for (const value of [1, 99, 100, 12050, 987654321]) {
      expect(parseDecimalAmount(minorToDecimalInput(value, "USD"), "USD")).toEqual({ ok: true, amount: value });
    }
  });
});
