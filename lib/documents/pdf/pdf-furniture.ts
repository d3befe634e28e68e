/**
 * Page furniture: running headers and footers (the same line, page numbers aside, at the top or
 * bottom of many pages) and page numbers ("3", "Page 3 of 12", "- 3 -", "iv"). Never cards.
 */
import { plainText } from "../blocks";
import type { Line } from "./pdf-lines";

const PAGE_NUMBER = /^(?:page\s+)?[-–—(]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—)]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
/** Top and bottom share of the page where headers and footers sit. */
const MARGIN = 0.12;

function key(line: Line): string {
  return plainText(line.runs).toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ");
}

export function removePageFurniture(pages: { height: number; lines: Line[] }[]): Line[][] {
  const zone = (line: Line, height: number) => (line.y < height * MARGIN ? "top" : line.y > height * (1 - MARGIN) ? "bottom" : null);
  const seen = new Map<string, Set<number>>();
  pages.forEach((page, index) => {
    for (const line of page.lines) {
      const where = zone(line, page.height);
      if (!where) continue;
      const id = `${where}:${key(line)}`;
      seen.set(id, (seen.get(id) ?? new Set()).add(index));
    }
  });
  const repeated = Math.max(2, Math.ceil(pages.length * 0.4));
  return pages.map((page) =>
    page.lines.filter((line) => {
      const where = zone(line, page.height);
      if (!where) return true;
      if (PAGE_NUMBER.test(plainText(line.runs))) return false;
      return (seen.get(`${where}:${key(line)}`)?.size ?? 0) < repeated;
    }),
  );
}
