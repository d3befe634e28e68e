import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toMarkdown } from "./blocks";
import { readHtmlPage } from "./html-reader";

const markdown = (html: string) => {
  const page = readHtmlPage(html);
  return toMarkdown(page.blocks, "Fallback");
};

describe("readHtmlPage", () => {
  it("keeps a saved magazine article's text, headings, lists and table, and none of its furniture", () => {
    const text = markdown(readFileSync("tests/fixtures/documents/saved-article-sleep-science.html", "utf8"));
    expect(text.startsWith("# What Actually Happens While You Sleep\n\n")).toBe(true);
    expect(text).toContain("## Two clocks decide when you get tired");
    expect(text).toContain("- **N2** takes up about half of total sleep time");
    expect(text).toContain("| Adults | 18–64 years | 7–9 |");
    for (const furniture of [
      "cookies", "Accept all", "Sign in", "Culture", "Share on", "Subscribe", "Comments", "night_owl_88", "Related articles", "Trending",
      "Advertisement", "About us", "All rights reserved", "Health / Sleep", "7 min read", "Maya Lindqvist", "shareTo", "loadMoreComments", "onclick",
    ]) expect(text).not.toContain(furniture);
  });

  it("keeps a short page's content when Readability finds no article, without its furniture", () => {
    const html = `<html><head><title>Mitosis | Study Site</title></head><body>
      <nav><a href="/">Home</a></nav><div class="cookie-notice">This site uses cookies.</div>
      <main><h1>Mitosis</h1><p>Mitosis splits one nucleus into two identical nuclei.</p></main>
      <footer>Copyright Study Site</footer></body></html>`;
    expect(markdown(html)).toBe("# Mitosis\n\nMitosis splits one nucleus into two identical nuclei.\n");
  });

  it("turns bold lead-ins into definitions, links into their text, and drops footnote references and back-links", () => {
    const html = `<body><article><h1>Genetics</h1>
      <p><strong>Allele:</strong> one of the versions of a <a href="/gene" onclick="steal()">gene</a>.<sup><a href="#fn1">1</a></sup></p>
      <p><b>Genotype</b> — the alleles an organism carries.</p>
      <p><strong>Important</strong> results came from pea plants.</p>
      <ol class="footnotes"><li id="fn1">Mendel, 1866. <a href="#ref1">↩</a></li></ol></article></body>`;
    expect(markdown(html)).toBe(
      "# Genetics\n\n**Allele**: one of the versions of a gene.\n\n**Genotype**: the alleles an organism carries.\n\n**Important** results came from pea plants.\n\n1. Mendel, 1866.\n",
    );
  });

  it("keeps a documentation page's question headings written as back-links to its contents", () => {
    const html = `<body><div class="body" role="main"><section><h1>Shell FAQ</h1>
      <nav id="contents"><ul><li><a href="#why-zsh" id="id2">Why zsh?</a></li></ul></nav>
      <section id="why-zsh"><h2><a class="toc-backref" href="#id2" role="doc-backlink">Why is zsh the default shell?</a><a class="headerlink" href="#why-zsh">¶</a></h2>
      <p>Apple switched the default login shell from bash to zsh in macOS Catalina because of the newer licence.</p></section>
      </section></div></body>`;
    const text = markdown(html);
    expect(text).toContain("## Why is zsh the default shell?\n\nApple switched");
    expect(text).not.toMatch(/¶|Why zsh\?/);
  });

  it("reads text that looks like markup as text, never as a tag or a script", () => {
    const html = `<body><article><h1>Escaping</h1><p>Type &lt;script&gt;alert(1)&lt;/script&gt; to test a form.</p>
      <p onmouseover="alert(2)">Ordinary text<script>alert(3)</script><style>p{}</style>.</p></article></body>`;
    expect(markdown(html)).toBe("# Escaping\n\nType <script>alert(1)</script> to test a form.\n\nOrdinary text.\n");
  });

  it("separates paragraphs written with double line breaks and keeps code apart from text", () => {
    const html = `<body><div id="content"><h2>Loops</h2>Use a loop to repeat work.<br><br>A for loop counts:<pre><code>for i in range(3):
    print(i)</code></pre></div></body>`;
    expect(markdown(html)).toBe("# Loops\n\nUse a loop to repeat work.\n\nA for loop counts:\n\n```\nfor i in range(3):\n    print(i)\n```\n");
  });
});
