/// <reference lib="dom" />
// HTML text → a DOM (linkedom). linkedom's parser is not the HTML5 tree builder: a page that
// starts with a PHP warning before its doctype, has no <html> tag, closes </body> early,
// or carries a second <!doctype>/<html>/<body> in the middle (pasted-in templates) comes out
// with an empty document.body and the article in a sibling element that nothing reads.
// Browsers repair all of these; here the page is parsed again with its document-level tags
// taken out and put back once, in the right order.
import { parseHTML } from 'linkedom';

/** Elements that hold no article text wherever a broken parse left them. */
const NOT_TEXT = new Set(['head', 'script', 'style', 'meta', 'link', 'title', 'noscript', 'template', 'base']);
/** Text outside document.body beyond which the parse is taken to have lost the body. */
const STRAY_TEXT_MIN = 200;

function parse(html: string): Document {
  let { document } = parseHTML(html);
  // linkedom leaves a document without a root element for fragments and bare doctypes.
  if (!document.documentElement) ({ document } = parseHTML(`<!doctype html><html><body>${html.replace(/^\s*<!doctype[^>]{0,200}>/i, '')}</body></html>`));
  return document as unknown as Document;
}

const textLen = (n: Node) => (n.textContent ?? '').length;

/** Length of the text the parse left outside document.body (in elements that can hold text). */
function strayText(doc: Document): number {
  const body = doc.body;
  let stray = 0;
  const look = (parent: ParentNode | null) => {
    if (!parent) return;
    for (const el of Array.from(parent.children)) {
      if (el === body || el === doc.documentElement || NOT_TEXT.has(el.localName)) continue;
      // An element that holds the body is not stray; its other children are looked at.
      if (body && el.contains(body)) look(el);
      else stray += textLen(el);
    }
  };
  look(doc);
  look(doc.documentElement);
  return stray;
}

/** The markup with every doctype and html/head/body tag removed and the skeleton rebuilt. */
function rebuilt(html: string): string {
  const skeleton = /<!doctype[^>]{0,300}>|<\/?(?:html|body)(?:\s[^>]{0,2000})?\/?>/gi;
  const headEnd = html.search(/<\/head\s*>/i);
  const head = headEnd >= 0 ? html.slice(0, headEnd).replace(skeleton, '').replace(/<head(?:\s[^>]{0,2000})?>/gi, '') : '';
  const rest = (headEnd >= 0 ? html.slice(headEnd).replace(/^<\/head\s*>/i, '') : html).replace(skeleton, '').replace(/<\/?head(?:\s[^>]{0,2000})?>/gi, '');
  return `<!doctype html><html><head>${head}</head><body>${rest}</body></html>`;
}

/** The page as a DOM, its skeleton repaired when the first parse lost the body. */
export function parsePage(html: string): Document {
  const doc = parse(html);
  // Cheap first: on a well-formed page nothing but <head> and <body> hangs off the root.
  const stray = strayText(doc);
  if (stray < STRAY_TEXT_MIN) return doc;
  const bodyText = doc.body ? textLen(doc.body) : 0;
  if (stray < bodyText) return doc;
  const fixed = parse(rebuilt(html));
  return fixed.body && textLen(fixed.body) > bodyText ? fixed : doc;
}
