import { describe, expect, it } from "vitest";
import { fieldText, textToField } from "./field-text";

describe("an Anki field as safe text", () => {
  it("keeps the words, line breaks and entities of ordinary HTML", () => {
    expect(fieldText("<div>Line one</div><div>Line <b>two</b> &amp; &lt;three&gt;&nbsp;&#233;</div>")).toEqual({ text: "Line one\nLine two & <three> é", media: 0, scripts: 0 });
    expect(fieldText("<ul><li>a</li><li>b</li></ul>").text).toBe("• a\n• b");
  });

  it("drops media and counts it", () => {
    expect(fieldText('Heart <img src="heart.png"> [sound:beat.mp3]')).toEqual({ text: "Heart", media: 2, scripts: 0 });
  });

  it("leaves no script or event handler, not even one escaped as text", () => {
    const hostile = [
      "<script>alert(1)</script>ok",
      '<img src=x onerror="alert(1)">ok',
      "&lt;script&gt;alert(1)&lt;/script&gt;ok",
      "&lt;img src=x onerror=alert(1)&gt;ok",
      '<a href="javascript:alert(1)">ok</a>',
      "<svg><script>alert(1)</script></svg>ok",
      "<scr<script>ipt>alert(1)</script>ok",
    ];
    for (const html of hostile) {
      const { text, scripts } = fieldText(html);
      expect(text, html).not.toMatch(/<\s*script|onerror\s*=|javascript:/i);
      expect(scripts, html).toBeGreaterThan(0);
    }
  });

  it("round-trips plain text through a field", () => {
    const text = "a < b & c > d\nsecond line";
    expect(fieldText(textToField(text)).text).toBe(text);
  });
});
