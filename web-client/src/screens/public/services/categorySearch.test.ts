import { describe, expect, it } from "vitest";

import { normalizeForSearch, searchCategories, searchStatus } from "./categorySearch";

// The demo categories (cms/demo.py), in the editors' order.
const categories = [
  { name: "Plumbing", keywords: ["leak", "pipe", "tap", "faucet", "drain", "toilet", "water heater", "sink", "geyser"] },
  { name: "Electrical", keywords: ["wiring", "socket", "switch", "breaker", "light", "fan", "short circuit", "power"] },
  { name: "Cleaning", keywords: ["deep clean", "carpet", "sofa", "kitchen", "bathroom", "move out", "windows"] },
  { name: "Carpentry", keywords: ["door", "cabinet", "furniture", "wood", "shelf", "hinge", "wardrobe", "table"] },
  { name: "Painting", keywords: ["paint", "wall", "ceiling", "primer", "damp", "color", "whitewash", "varnish"] },
];
const names = (query: string) => searchCategories(categories, query).map((category) => category.name);

describe("category search", () => {
  it("shows every category, in the editors' order, for an empty query", () => {
    expect(names("")).toEqual(["Plumbing", "Electrical", "Cleaning", "Carpentry", "Painting"]);
    expect(names("   ")).toHaveLength(5);
  });

  it("finds categories by name, ignoring case and partial words", () => {
    expect(names("plumb")).toEqual(["Plumbing"]);
    expect(names("ELECTRIC")).toEqual(["Electrical"]);
  });

  it("finds categories by keyword", () => {
    expect(names("leak")).toEqual(["Plumbing"]);
    expect(names("sofa")).toEqual(["Cleaning"]);
    expect(names("water heater")).toEqual(["Plumbing"]);
  });

  it("needs every word to match somewhere", () => {
    expect(names("pipe wiring")).toEqual([]);
    expect(names("clean kitchen")).toEqual(["Cleaning"]);
  });

  it("ranks name matches above keyword matches, then keeps the editors' order", () => {
    // "paint" is Painting's name and a keyword of nobody else; "c" starts Cleaning and Carpentry and is inside others.
    expect(names("paint")).toEqual(["Painting"]);
    expect(names("c").slice(0, 2)).toEqual(["Cleaning", "Carpentry"]);
    expect(names("wa")).toEqual(["Plumbing", "Carpentry", "Painting"]); // all by keyword: water, wardrobe, wall
  });

  it("ignores accents", () => {
    expect(normalizeForSearch("Électricité ")).toBe("electricite");
    expect(searchCategories([{ name: "Électricité", keywords: [] }], "electri")).toHaveLength(1);
    expect(names("plúmb")).toEqual(["Plumbing"]);
  });

  it("finds nothing for a word nobody has", () => {
    expect(names("helicopter")).toEqual([]);
  });
});

describe("the search status", () => {
  it("counts what is shown, with the words searched for", () => {
    expect(searchStatus(5, 5, "")).toBe("5 services");
    expect(searchStatus(5, 1, " leak ")).toBe("1 service matches “leak”");
    expect(searchStatus(5, 2, "c")).toBe("2 services match “c”");
    expect(searchStatus(5, 0, "helicopter")).toBe("No services match “helicopter”");
    expect(searchStatus(0, 0, "")).toBe("No services are offered yet.");
  });
});
