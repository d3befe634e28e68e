import { describe, expect, it } from "vitest";
import { detectFormat } from "./detect-format";

const bytes = (text: string) => new TextEncoder().encode(text);
const PDF = bytes("%PDF-1.7\n...");
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0]);

describe("detectFormat", () => {
  it("trusts the bytes first, then the extension, then the content type", () => {
    expect(detectFormat(PDF, { fileName: "handout.pdf" })).toBe("pdf");
    expect(detectFormat(PDF, { fileName: "", contentType: "application/octet-stream" })).toBe("pdf");
    expect(detectFormat(ZIP, { fileName: "essay.DOCX" })).toBe("docx");
    expect(detectFormat(bytes("# Notes"), { fileName: "notes.md" })).toBe("md");
    expect(detectFormat(bytes("plain words"), { fileName: "", contentType: "text/markdown; charset=utf-8" })).toBe("md");
    expect(detectFormat(bytes("<!DOCTYPE html><html><body>x</body></html>"), { fileName: "" })).toBe("html");
    expect(detectFormat(bytes("<p>a tag in a text file</p>"), { fileName: "notes.txt" })).toBe("txt");
    expect(detectFormat(bytes("Saved page"), { fileName: "page.htm" })).toBe("html");
    expect(detectFormat(bytes("Title\n=====\n"), { fileName: "tutorial.rst" })).toBe("rst");
    expect(detectFormat(bytes("Title\n=====\n"), { fileName: "", contentType: "text/x-rst" })).toBe("rst");
  });

  it("refuses a name that disagrees with the bytes, and formats it does not read", () => {
    expect(() => detectFormat(ZIP, { fileName: "slides.pdf" })).toThrow("slides.pdf is named as a PDF but it is a zip archive.");
    expect(() => detectFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), { fileName: "old.docx" })).toThrow(/password-protected or in the old .doc format/);
    expect(() => detectFormat(bytes("x"), { fileName: "deck.pptx" })).toThrow("Keypoint reads .txt, .md, .rst, .pdf, .docx and .html files, not .pptx.");
    expect(() => detectFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), { fileName: "" })).toThrow("The file is a JPEG image, not a document Keypoint can read (.txt, .md, .rst, .pdf, .docx and .html).");
    expect(() => detectFormat(new Uint8Array([1, 0, 2, 0]), { fileName: "data.txt" })).toThrow(/binary, not text/);
  });
});
