import { describe, expect, it } from "vitest";
import { parseDocument } from "./parse-document";

const chapter = `## Storage Classes

Every value lives in a _storage class_, which decides how long it lasts. See the
[“Lifetimes”][lifetimes]<!-- ignore --> section for details.[^note]

<span class="filename">Filename: src/main.rs</span>

\`\`\`rust
{{#include ../listings/ch01/main.rs}}
let x = 5;
\`\`\`

<Listing number="1-1" caption="A listing">

</Listing>

### Registers

The **register** class keeps a value in the CPU for about 2<sup>3</sup> cycles.<sup><a href="#n1">1</a></sup>
Water is H<sub>2</sub>O.

Registers come in three kinds:

- **General**: registers that hold any integer value
  - used for arithmetic
- *Float*: registers for floating-point values

| Kind | Width |
| --- | --- |
| General | 64 bits |

[lifetimes]: ch10-03-lifetimes.html
[^note]: A footnote that no card should read.
`;

describe("readMarkdown", () => {
  const doc = parseDocument(chapter);
  const texts = doc.sections.flatMap((s) => s.blocks.map((b) => b.text));

  it("titles a chapter by its only top heading and numbers the headings below it", () => {
    expect(doc.title).toBe("Storage Classes");
    expect(doc.sections.map((s) => `${s.path} ${s.title}`)).toEqual(["1 Registers"]);
  });

  it("keeps code, captions, HTML, directives, footnotes and reference brackets out of the text", () => {
    const all = [doc.summary ?? "", ...texts].join("\n");
    expect(doc.summary).toBe("Every value lives in a storage class, which decides how long it lasts. See the “Lifetimes” section for details.");
    for (const residue of ["<!--", "ignore", "[lifetimes]", "[^note]", "footnote", "Filename", "{{#include", "let x", "<Listing", "<sup>", "href"]) {
      expect(all).not.toContain(residue);
    }
  });

  it("turns <sub> and <sup> into their small forms and drops footnote links", () => {
    expect(texts).toContain("The register class keeps a value in the CPU for about 2³ cycles. Water is H₂O.");
  });

  it("gives list items their term, their lead-in and their parent, and table rows their headers", () => {
    const blocks = doc.sections[0].blocks;
    expect(blocks.find((b) => b.term === "General")).toMatchObject({ kind: "bullet", text: "registers that hold any integer value", lead: "Registers come in three kinds" });
    expect(blocks.find((b) => b.text === "used for arithmetic")).toMatchObject({ lead: "General" });
    expect(blocks.find((b) => b.term === "Float")).toMatchObject({ text: "registers for floating-point values" });
    expect(blocks.find((b) => b.kind === "row")?.text).toBe("Kind: General; Width: 64 bits");
  });

  it("reads 'Key Points:' and 'Details:' paragraphs of a converted document as the plain layout does", () => {
    const converted = parseDocument("# Talk\n\nA summary sentence about the talk.\n\nKey Points:\n\n- First point of the talk.\n- Second point of the talk.\n\nDetails:\n\n## 1. Part\n\n- A detail of the part.\n");
    expect(converted.keyPoints).toEqual(["First point of the talk.", "Second point of the talk."]);
    expect(converted.summary).toBe("A summary sentence about the talk.");
    expect(converted.sections[0]).toMatchObject({ path: "1", title: "Part" });
  });
});
