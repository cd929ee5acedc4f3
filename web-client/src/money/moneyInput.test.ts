import { describe, expect, it } from "vitest";

import { moneyInputValue, parseMoneyInput } from "./moneyInput";

const amount = (text: string, currency = "USD") => {
  const result = parseMoneyInput(text, currency);
  return result.ok ? result.amount : result.error;
};

describe("parseMoneyInput", () => {
  it("turns a typed decimal into integer minor units of the currency", () => {
    expect(amount("120.50")).toBe(12050);
    expect(amount("120.5")).toBe(12050);
    expect(amount("120")).toBe(12000);
    expect(amount(" 7.05 ")).toBe(705);
    expect(amount(".5")).toBe(50);
    expect(amount("5.")).toBe(500);
    expect(amount("800", "pkr")).toBe(80000);
    expect(amount("500", "JPY")).toBe(500);
    expect(amount("1.234", "KWD")).toBe(1234);
  });

  it("never goes through floating point (0.29 is 29, 1.15 is 115)", () => {
    expect(amount("0.29")).toBe(29);
    expect(amount("1.15")).toBe(115);
    expect(amount("4.35")).toBe(435);
    expect(amount("1234567890.99")).toBe(123456789099);
  });

  it("accepts comma decimals and the usual digit grouping", () => {
    expect(amount("120,50")).toBe(12050);
    expect(amount("1,200")).toBe(120000);
    expect(amount("1,200.50")).toBe(120050);
    expect(amount("1.200,50")).toBe(120050);
    expect(amount("1 200,50")).toBe(120050);
    expect(amount("1,200,000")).toBe(120000000);
    expect(amount("1,00,000", "PKR")).toBe(10000000);
    expect(amount("12'500")).toBe(1250000);
  });

  it("refuses what is not an amount, with a sentence for the form", () => {
    expect(amount("")).toBe("Enter an amount.");
    expect(amount("   ")).toBe("Enter an amount.");
    expect(amount("abc")).toBe("Enter a number, like 120.50.");
    expect(amount("$120")).toBe("Enter a number, like 120.50.");
    expect(amount("1e3")).toBe("Enter a number, like 120.50.");
    expect(amount("1.2.3")).toBe("Enter a number, like 120.50.");
    expect(amount("12,0,0")).toBe("Enter a number, like 120.50.");
    expect(amount("-5")).toBe("Enter an amount greater than zero.");
    expect(amount("0")).toBe("Enter an amount greater than zero.");
    expect(amount("0.00")).toBe("Enter an amount greater than zero.");
  });

  it("refuses more decimals than the currency has, but ignores trailing zeros", () => {
    expect(amount("1.234")).toBe("Use at most 2 decimals.");
    expect(amount("1.230")).toBe(123);
    expect(amount("500.5", "JPY")).toBe("JPY has no decimals.");
    expect(amount("500.0", "JPY")).toBe(500);
  });

  it("refuses amounts beyond what an integer can carry exactly", () => {
    expect(amount("99999999999999999")).toBe("That amount is too large.");
  });
});

describe("moneyInputValue", () => {
  it("shows minor units as the decimal a person would type", () => {
    expect(moneyInputValue(12050, "USD")).toBe("120.50");
    expect(moneyInputValue(5, "usd")).toBe("0.05");
    expect(moneyInputValue(500, "JPY")).toBe("500");
    expect(moneyInputValue(1234, "KWD")).toBe("1.234");
  });

  it("round-trips with parseMoneyInput", () => {
    for (const [value, currency] of [[1, "USD"], [12050, "USD"], [80000, "PKR"], [7, "JPY"], [100001, "KWD"]] as const) {
      expect(parseMoneyInput(moneyInputValue(value, currency), currency)).toEqual({ ok: true, amount: value });
    }
  });
});
