import { describe, expect, it } from "vitest";

import {
  applyAnalysis,
  editField,
  initialRequestForm,
  toRequestChanges,
  toRequestInput,
  valuesFromRequest,
  type ImageAnalysis,
  type RequestFormValues,
} from "./requestForm";

const analysis: ImageAnalysis = {
  category: { slug: "plumbing", name: "Plumbing" },
  title: "Leaking kitchen sink trap",
  description: "Water drips from the P-trap under the sink.",
  urgency: "HIGH",
  estimatedBudget: { amount: 12050, currency: "usd" },
  confidence: 0.82,
  source: "GEMINI",
};

describe("applyAnalysis (AI pre-fill)", () => {
  it("fills an untouched form: category, title, description, urgency and the budget as a decimal", () => {
    const { state, filled, kept } = applyAnalysis(initialRequestForm(), analysis);
    expect(state.values).toMatchObject({
      categorySlug: "plumbing",
      title: "Leaking kitchen sink trap",
      description: "Water drips from the P-trap under the sink.",
      urgency: "HIGH",
      budget: "120.50",
    });
    expect(filled).toEqual(["categorySlug", "title", "description", "urgency", "budget"]);
    expect(kept).toEqual([]);
    expect(state.aiFilled).toEqual(filled);
  });

  it("never overwrites what the customer typed or chose before pressing the button", () => {
    let form = initialRequestForm("electrical"); // chosen from a category link
    form = editField(form, "title", "My own title");
    form = editField(form, "city", "Lahore");
    const { state, filled, kept } = applyAnalysis(form, analysis);
    expect(state.values.title).toBe("My own title");
    expect(state.values.categorySlug).toBe("electrical");
    expect(state.values.city).toBe("Lahore");
    expect(kept).toEqual(["categorySlug", "title"]);
    expect(filled).toEqual(["description", "urgency", "budget"]);
  });

  it("treats a field the customer emptied again as free to fill", () => {
    const form = editField(editField(initialRequestForm(), "title", "x"), "title", "");
    expect(applyAnalysis(form, analysis).state.values.title).toBe("Leaking kitchen sink trap");
  });

  it("replaces its own earlier suggestions on a second photo, but not the ones the customer edited since", () => {
    const first = applyAnalysis(initialRequestForm(), analysis).state;
    const edited = editField(first, "description", "The trap is cracked.");
    expect(edited.aiFilled).not.toContain("description");
    const second = applyAnalysis(edited, { ...analysis, title: "Cracked sink trap", urgency: "MEDIUM", estimatedBudget: null });
    expect(second.state.values.title).toBe("Cracked sink trap");
    expect(second.state.values.urgency).toBe("MEDIUM");
    expect(second.state.values.description).toBe("The trap is cracked.");
    expect(second.state.values.budget).toBe("120.50"); // no new estimate: the first one stays
    expect(second.kept).toEqual(["description"]);
  });

  it("leaves the budget alone when the analysis has no estimate", () => {
    const { state, filled } = applyAnalysis(initialRequestForm(), { ...analysis, estimatedBudget: { amount: 0, currency: "usd" } });
    expect(state.values.budget).toBe("");
    expect(filled).not.toContain("budget");
  });
});

const values = (fields: Partial<RequestFormValues> = {}): RequestFormValues => ({
  ...initialRequestForm().values,
  categorySlug: "plumbing",
  title: " Leaking sink ",
  description: "Water under the sink.",
  city: "Lahore",
  ...fields,
});

describe("toRequestInput", () => {
  it("converts the budget to minor units and trims text", () => {
    expect(toRequestInput(values({ budget: "120.50", preferredDate: "2030-01-02" }), "usd")).toEqual({
      ok: true,
      input: {
        categorySlug: "plumbing",
        title: "Leaking sink",
        description: "Water under the sink.",
        city: "Lahore",
        address: "",
        urgency: "MEDIUM",
        mode: "BIDDING",
        budgetAmount: 12050,
        offerAmount: null,
        preferredDate: "2030-01-02",
      },
    });
  });

  it("sends the offer price, not the budget, for a fixed offer", () => {
    const result = toRequestInput(values({ mode: "FIXED_OFFER", budget: "50", offer: "80,00" }), "usd");
    expect(result.ok && [result.input.budgetAmount, result.input.offerAmount]).toEqual([null, 8000]);
  });

  it("stops on an amount that is not a number or a missing offer price", () => {
    expect(toRequestInput(values({ budget: "lots" }), "usd")).toEqual({ ok: false, errors: { budget: "Enter an amount like 120.50." } });
    expect(toRequestInput(values({ mode: "FIXED_OFFER" }), "usd")).toEqual({ ok: false, errors: { offer: "A fixed offer needs a price." } });
  });
});

describe("toRequestChanges", () => {
  const stored = valuesFromRequest({
    category: { slug: "plumbing" },
    title: "Leaking sink",
    description: "Water under the sink.",
    city: "Lahore",
    address: null,
    urgency: "HIGH",
    mode: "BIDDING",
    budget: { amount: 12050, currency: "usd" },
    offer: null,
    preferredDate: "2020-01-01",
  });

  it("reads a stored request back into decimals", () => {
    expect(stored).toMatchObject({ budget: "120.50", address: "", urgency: "HIGH", preferredDate: "2020-01-01" });
  });

  it("sends only what changed, so an untouched past date is not refused", () => {
    expect(toRequestChanges(stored, { ...stored, title: "Leaking kitchen sink", budget: "150" }, "usd")).toEqual({
      ok: true,
      changes: { title: "Leaking kitchen sink", budgetAmount: 15000 },
    });
    expect(toRequestChanges(stored, stored, "usd")).toEqual({ ok: true, changes: {} });
  });

  it("clears a budget with null", () => {
    expect(toRequestChanges(stored, { ...stored, budget: "" }, "usd")).toEqual({ ok: true, changes: { budgetAmount: null } });
  });
});
