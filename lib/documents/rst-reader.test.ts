import { describe, expect, it } from "vitest";
import { toMarkdown } from "./blocks";
import { readDocument } from "./read-document";
import { looksLikeRst, readRst } from "./rst-reader";

const markdown = (source: string) => {
  const { blocks, title } = readRst(source);
  return toMarkdown(blocks, title ?? "Fallback");
};

const PAGE = `.. _tut-sets:

.. |version| replace:: 3.12

*************
Sets in Depth
*************

Python |version| has two set types. See the \`reference <https://example.org/set>\`_ for more [1]_.

A :dfn:\`set\` is an unordered collection. Use :meth:\`~set.union\` or :func:\`len\`, never \`\`{}\`\`. An example::

   >>> s = {1, 2}
   >>> s.add(3)

Hashing
=======

Sets need :term:\`hashable <hashable>\` elements, or :exc:\`TypeError\` is raised.

.. code-block:: pycon

   >>> set().add([])
   Traceback (most recent call last):
   TypeError: unhashable type: 'list'

.. note::

   A lookup takes constant time on average.

.. seealso:: :ref:\`tut-dicts\` for the dictionary type.

.. versionadded:: 2.4

Kinds
-----

* A *set* is mutable.
* A **frozenset** is immutable:

  - it can be a dictionary key.

.. glossary::

   hashable
      An object whose hash value never changes during its lifetime.

.. [1] A footnote that never reaches a card.
.. A comment that never reaches a card.
`;

describe("readRst", () => {
  const text = markdown(PAGE);

  it("writes over- and underlined headings as the title and its sections", () => {
    expect(text).toMatch(/^# Sets in Depth\n/);
    expect(text).toContain("\n## Hashing\n");
    expect(text).toContain("\n### Kinds\n");
  });

  it("keeps literal blocks and code directives apart as code, and the :: as a colon", () => {
    expect(text).toContain("An example:\n\n```\n>>> s = {1, 2}\n>>> s.add(3)\n```");
    expect(text).toContain("```\n>>> set().add([])\nTraceback (most recent call last):\nTypeError: unhashable type: 'list'\n```");
  });

  it("turns roles into code or plain words, and drops links, targets, substitutions' markup, footnotes and comments", () => {
    expect(text).toContain("Python 3.12 has two set types.");
    expect(text).toContain("See the reference for more.");
    expect(text).toContain("A *set* is an unordered collection. Use `union()` or `len()`, never `{}`.");
    expect(text).toContain("Sets need *hashable* elements, or `TypeError` is raised.");
    expect(text).not.toMatch(/:meth:|:func:|`_|\[1\]|tut-|footnote|comment|<https/);
  });

  it("keeps an admonition's prose, drops see-also and version notes", () => {
    expect(text).toContain("\n\nA lookup takes constant time on average.\n");
    expect(text).not.toMatch(/dictionary type|2\.4/);
  });

  it("writes an API description as a definition of its object, so its sentences keep their subject", () => {
    const api = markdown(`Queues
======

.. method:: deque.rotate(n=1)
   :noindex:

   Rotate the deque *n* steps to the right. If *n* is negative, rotate
   :exc:\`nothing\` to the left.

   Rotating one step right is the same as popping from the right end.

.. class:: Counter([iterable])

   A dict subclass for counting hashable objects.
`);
    expect(api).toContain("deque.rotate()\n: Rotate the deque *n* steps to the right. If *n* is negative, rotate `nothing` to the left.");
    expect(api).toContain("\n\nRotating one step right is the same as popping from the right end.");
    expect(api).toContain("Counter\n: A dict subclass for counting hashable objects.");
    expect(api).not.toMatch(/noindex|\.\. method/);
  });

  it("writes lists with their nesting and glossary entries as a definition list", () => {
    expect(text).toContain("- A *set* is mutable.\n- A **frozenset** is immutable:\n  - it can be a dictionary key.");
    expect(text).toContain("hashable\n: An object whose hash value never changes during its lifetime.");
  });

  it("reads a PEP's header as metadata, its Title as the title, and tables as tables", () => {
    const pep = markdown(`PEP: 9999
Title: Lazy Imports
Author: A. Writer <a@example.org>
Status: Draft

Abstract
========

A lazy import loads the module on first use.

=====  ==========
Mode   Start time
=====  ==========
eager  120 ms
lazy   40 ms
=====  ==========
`);
    expect(pep).toMatch(/^# Lazy Imports\n\n## Abstract\n\nA lazy import loads the module on first use\.\n\n\| Mode \| Start time \|\n\| --- \| --- \|\n\| eager \| 120 ms \|/);
    expect(pep).not.toMatch(/PEP: 9999|Author|Status/);
  });
});

describe("reStructuredText files", () => {
  it("tells reST in a .txt file from plain prose", () => {
    expect(looksLikeRst(PAGE)).toBe(true);
    expect(looksLikeRst("A plain note.\n\nIt mentions :colons: and a `tick`, nothing more.\n")).toBe(false);
  });

  it("are read from .rst, and from .txt when the text is plainly reST", async () => {
    const bytes = new TextEncoder().encode(PAGE);
    for (const fileName of ["sets.rst", "sets.txt"]) {
      const { text, format } = await readDocument(bytes, { fileName });
      expect(format).toBe("rst");
      expect(text).toBe(markdown(PAGE));
    }
    const plain = await readDocument(new TextEncoder().encode("Just a note.\n\nNothing marked up here.\n"), { fileName: "note.txt" });
    expect(plain.format).toBe("txt");
  });
});
