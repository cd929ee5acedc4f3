/**
 * The category browser's search: every word typed must appear in the category's name or keywords (case and
 * accents ignored, partial words count). Name matches rank first, then keyword matches; ties keep the editors' order.
 */
export interface Searchable {
  name: string;
  keywords: readonly string[];
}

export function normalizeForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().trim();
}

export function searchTerms(query: string): string[] {
  return normalizeForSearch(query).split(/[\s,;]+/).filter(Boolean);
}

/** How well `category` matches every term (higher is better), or null when some term is not found. */
function score(category: Searchable, terms: readonly string[]): number | null {
  const name = normalizeForSearch(category.name);
  const nameWords = name.split(/[^\p{L}\p{N}]+/u);
  const keywords = category.keywords.map(normalizeForSearch);
  let total = 0;
  for (const term of terms) {
    if (nameWords.some((word) => word.startsWith(term))) total += 3;
    else if (name.includes(term)) total += 2;
    else if (keywords.some((keyword) => keyword.includes(term))) total += 1;
    else return null;
  }
  return total;
}

export function searchCategories<T extends Searchable>(categories: readonly T[], query: string): T[] {
  const terms = searchTerms(query);
  if (!terms.length) return [...categories];
  return categories
    .map((category, order) => ({ category, order, score: score(category, terms) }))
    .filter((match): match is { category: T; order: number; score: number } => match.score !== null)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((match) => match.category);
}

/** What the live region says about the results: "5 services", "1 service matches “leak”", "No services match “x”". */
export function searchStatus(total: number, shown: number, query: string): string {
  const words = query.trim();
  if (!total) return "No services are offered yet.";
  const count = `${shown} ${shown === 1 ? "service" : "services"}`;
  if (!words) return count;
  return shown ? `${count} ${shown === 1 ? "matches" : "match"} “${words}”` : `No services match “${words}”`;
}
