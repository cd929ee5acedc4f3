import { describe, expect, it } from "vitest";

import { toDecimalInput, toMinorUnits } from "./minorUnits";

const amount = (text: string, currency = "USD") => {
  const parsed = toMinorUnits(text, currency);
  return parsed.ok ? parsed.amount : parsed.error;
};

describe("toMinorUnits", () => {
  it("converts typed decimals exactly, without float rounding", () => {
    expect(amount("120.50")).toBe(12050);
    expect(amount("120.5")).toBe(12050);
    expect(amount("120")).toBe(12000);
    expect(amount("0.29")).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(amount("1.005")).toBe("Use at most 2 decimal places.");
    expect(amount(".5")).toBe(50);
    expect(amount("5.")).toBe(500);
    expect(amount("90071992547409.91")).toBe(9007199254740991);
    expect(amount("90071992547409.92")).toBe("That amount is too large.");
  });

  it("uses the currency's ISO exponent: none for JPY, three for KWD", () => {
    expect(amount("1500", "JPY")).toBe(1500);
    expect(amount("1,500", "JPY")).toBe(1500);
    expect(amount("12.5", "jpy")).toBe("JPY amounts have no decimals.");
    expect(amount("1.250", "KWD")).toBe(1250);
    expect(amount("2", "kwd")).toBe(2000);
    expect(amount("800", "pkr")).toBe(80000);
  });

  it("reads both decimal marks and thousands groups", () => {
    expect(amount("120,50")).toBe(12050);
    expect(amount("1,200")).toBe(120000);
    expect(amount("1,200.50")).toBe(120050);
    expect(amount("1.200,50")).toBe(120050);
    expect(amount("1 200,50")).toBe(120050);
    expect(amount("1,234,567.89")).toBe(123456789);
    expect(amount("1.2.3")).toBe("Enter an amount like 120.50.");
    expect(amount("12,34,5")).toBe("Enter an amount like 120.50.");
  });

  it("tolerates a currency sign or code around the number", () => {
    expect(amount("$120.50")).toBe(12050);
    expect(amount("120 USD")).toBe(12000);
    expect(amount("Rs 500", "PKR")).toBe(50000);
  });

  it("refuses what is not a positive amount", () => {
    expect(amount("")).toBe("Enter an amount like 120.50.");
    expect(amount("abc")).toBe("Enter an amount like 120.50.");
    expect(amount("12abc34")).toBe("Enter an amount like 120.50.");
    expect(amount("-5")).toBe("Enter an amount above zero.");
    expect(amount("0")).toBe("Enter an amount above zero.");
    expect(amount("0.00")).toBe("Enter an amount above zero.");
    expect(amount("", "JPY")).toBe("Enter an amount like 1200.");
  });
});

describe("toDecimalInput", () => {
  it("gives back what the customer would type", () => {
    expect(toDecimalInput(12050, "USD")).toBe("120.50");
    expect(toDecimalInput(5, "usd")).toBe("0.05");
    expect(toDecimalInput(1500, "JPY")).toBe("1500");
    expect(toDecimalInput(1250, "KWD")).toBe("1.250");
  });

  it("round-trips with toMinorUnits", () => {
    for (const [value, currency] of [[1, "USD"], [12050, "USD"], [80000, "PKR"], [7, "JPY"], [1001, "KWD"]] as const) {
      expect(toMinorUnits(toDecimalInput(value, currency), currency)).toEqual({ ok: true, amount: value });
    }
  });
});

describe("toMinorUnits ambiguity", () => {
  it("never reads a lone dot as a thousands mark, so a slip cannot cost 1000 times the price", () => {
    expect(amount("1.005")).toBe("Use at most 2 decimal places.");
    expect(amount("1.500", "JPY")).toBe("JPY amounts have no decimals.");
    expect(amount("1.200.000")).toBe(120000000);
  });
});
