/// <reference lib="dom" />
// A stored article body as a DOM (linkedom), for the outputs that re-read it: the HTML export
// re-serializes it through the import's allowlist, the Markdown export walks it.
import { parseHTML } from 'linkedom';

/** The body element holding `html` (a fragment as stored, never a whole page). */
export function articleBody(html: string): HTMLElement {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const body = document.body as unknown as HTMLElement;
  // linkedom splits text at every character reference ("a &amp;copy; b" is three text nodes):
  // merged, each text reads whole, as a browser's DOM would give it.
  body.normalize();
  return body;
}
