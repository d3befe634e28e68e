/**
 * Parts of a saved page that are never the content: navigation, banners, cookie notices,
 * sidebars, footers, share and newsletter boxes. Removed before and after Readability,
 * which keeps some of them when they sit inside the article.
 */
/** Never content, whatever their size. */
const ALWAYS = [
  "nav", "aside", "dialog", "[role=navigation]", "[role=complementary]", "[role=search]", "[role=dialog]",
  "[role=alertdialog]", "[aria-modal=true]", "[role=menu]", "[role=menubar]",
].join(",");
/** Furniture unless it holds most of the page (a page wrapped in one form or footer-named div). */
const USUALLY = ["footer", "form", "button", "[role=banner]", "[role=contentinfo]"].join(",");

const FURNITURE_NAME =
  /(?:^|[-_\s])(?:cookies?|consent|gdpr|cmp|sidebar|side-bar|breadcrumbs?|share|sharing|social|newsletter|subscribe|subscription|related|recommended|promo|advert\w*|ads?|sponsor\w*|popup|modal|overlay|banner|menu|navbar|nav|topbar|masthead|site-header|site-footer|footer|pagination|pager|skip-link|comments?|toc|table-of-contents|kicker|eyebrow|byline|author|bio|about-the-author|tags?|post-meta|entry-meta|article-meta|read-?time|dateline)(?:[-_\s]|$)/i;

/** Elements that hold the article: never removed, however they are named. */
const CONTENT = new Set(["html", "body", "main", "article"]);

function isFurniture(element: Element, bodyLength: number): boolean {
  const tag = element.tagName.toLowerCase();
  // a heading's own link ("toc-backref" in Sphinx pages) carries the heading's text
  if (CONTENT.has(tag) || element.querySelector("main, article") || element.closest("h1, h2, h3, h4, h5, h6")) return false;
  if (element.matches(ALWAYS)) return true;
  const named = FURNITURE_NAME.test(`${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`);
  const header = tag === "header" && !element.querySelector("h1") && !element.closest("article, main");
  if (!named && !header && !element.matches(USUALLY)) return false;
  // A wrapper named "has-sidebar" around most of the page is the page, not furniture.
  return (element.textContent ?? "").length < bodyLength * 0.5;
}

export function removeFurniture(root: Element): void {
  const bodyLength = (root.textContent ?? "").length;
  for (const element of Array.from(root.querySelectorAll("*"))) {
    if (element.isConnected && root.contains(element) && isFurniture(element, bodyLength)) element.remove();
  }
}
