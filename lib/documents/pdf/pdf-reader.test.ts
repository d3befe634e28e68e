import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { toMarkdown } from "../blocks";
import { readPdf } from "./pdf-reader";

interface Pen {
  page: PDFPage;
  regular: PDFFont;
  bold: PDFFont;
}

async function pdfOf(draw: (pen: Pen) => void, pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.TimesRoman);
  const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
  for (let i = 0; i < pages; i++) draw({ page: doc.addPage([612, 792]), regular, bold });
  return doc.save();
}

async function markdown(bytes: Uint8Array): Promise<string> {
  const { blocks, title } = await readPdf(bytes, "test.pdf", 1_000_000);
  return toMarkdown(blocks, title ?? "Fallback");
}

describe("readPdf", () => {
  it("reads a two-column page column by column, with the title that spans both first", async () => {
    const left = ["The left column opens the article and", "explains how enzymes lower the energy", "needed to start a reaction in cells."];
    const right = ["The right column follows with the", "effect of temperature on the enzyme,", "which denatures above forty degrees."];
    const bytes = await pdfOf(({ page, regular, bold }) => {
      page.drawText("Enzymes at Work", { x: 200, y: 720, size: 20, font: bold });
      left.forEach((line, i) => page.drawText(line, { x: 54, y: 680 - i * 13, size: 11, font: regular }));
      right.forEach((line, i) => page.drawText(line, { x: 320, y: 680 - i * 13, size: 11, font: regular }));
      left.forEach((line, i) => page.drawText(line.toUpperCase().slice(0, 30), { x: 54, y: 600 - i * 13, size: 11, font: regular }));
      right.forEach((line, i) => page.drawText(line.toUpperCase().slice(0, 30), { x: 320, y: 600 - i * 13, size: 11, font: regular }));
    });
    const text = await markdown(bytes);
    expect(text.startsWith("# Enzymes at Work\n\nThe left column opens the article and explains how enzymes lower the energy needed to start a reaction in cells.")).toBe(true);
    expect(text.indexOf("needed to start")).toBeLessThan(text.indexOf("The right column follows"));
    expect(text).toContain("The right column follows with the effect of temperature on the enzyme, which denatures above forty degrees.");
  });

  it("undoes hyphenation at line ends but keeps the hyphen of a compound printed whole elsewhere", async () => {
    const lines = ["A well-known result: memory consoli-", "dation happens during sleep, as the well-", "known study of rats running mazes showed."];
    const bytes = await pdfOf(({ page, regular, bold }) => {
      page.drawText("Sleep", { x: 72, y: 720, size: 18, font: bold });
      lines.forEach((line, i) => page.drawText(line, { x: 72, y: 690 - i * 14, size: 11, font: regular }));
    });
    expect(await markdown(bytes)).toBe("# Sleep\n\nA well-known result: memory consolidation happens during sleep, as the well-known study of rats running mazes showed.\n");
  });

  it("drops footnote markers, running headers and page numbers, and joins a paragraph across pages", async () => {
    let page = 0;
    const bytes = await pdfOf(({ page: p, regular, bold }) => {
      page++;
      p.drawText("Cell Biology Notes - Chapter 2", { x: 72, y: 750, size: 9, font: regular });
      p.drawText(String(page), { x: 300, y: 40, size: 9, font: regular });
      if (page === 1) {
        p.drawText("Ribosomes", { x: 72, y: 700, size: 18, font: bold });
        p.drawText("Ribosomes build proteins from amino acids", { x: 72, y: 670, size: 11, font: regular });
        p.drawText("1", { x: 72 + regular.widthOfTextAtSize("Ribosomes build proteins from amino acids", 11), y: 675, size: 6, font: regular });
        p.drawText("and read the messenger RNA three bases at", { x: 72, y: 656, size: 11, font: regular });
      } else p.drawText("a time, one codon after another.", { x: 72, y: 700, size: 11, font: regular });
    }, 2);
    expect(await markdown(bytes)).toBe(
      "# Ribosomes\n\nRibosomes build proteins from amino acids and read the messenger RNA three bases at a time, one codon after another.\n",
    );
  });

  it("nests bullets by their indent and keeps the lead-in before them", async () => {
    const bytes = await pdfOf(({ page, regular, bold }) => {
      page.drawText("Cell Transport", { x: 72, y: 720, size: 18, font: bold });
      page.drawText("Substances cross the membrane in three ways:", { x: 72, y: 690, size: 11, font: regular });
      const bullet = (x: number, y: number, text: string) => {
        page.drawText("\u2022", { x, y, size: 11, font: regular });
        page.drawText(text, { x: x + 14, y, size: 11, font: regular });
      };
      bullet(72, 670, "Diffusion moves particles down a gradient.");
      bullet(90, 656, "Oxygen diffuses into red blood cells.");
      bullet(72, 642, "Osmosis moves water across the membrane.");
    });
    expect(await markdown(bytes)).toBe(
      "# Cell Transport\n\nSubstances cross the membrane in three ways:\n\n- Diffusion moves particles down a gradient.\n  - Oxygen diffuses into red blood cells.\n- Osmosis moves water across the membrane.\n",
    );
  });
});
