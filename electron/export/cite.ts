// Citations of clips in APA, Chicago or MLA, formatted by citeproc-js through citation-js from
// the clips' CSL items: the bibliography entries as plain text (one a line) and as HTML (the
// same entries with their italics, for pasting into a word processor).
import { Cite } from '@citation-js/core';
import type { CitationStyle } from '../api.ts';
import { ensureCitationStyles, STYLE_TEMPLATES } from './citation-styles.ts';
import { cslItem, type CitableClip, type CslItem } from './csl-items.ts';

export interface Citations {
  text: string;
  html: string;
}

// citeproc-js writes a non-breaking space in places (after "In", between initials); a pasted
// citation reads the same with an ordinary one, and plain text has no reason to keep it.
const plain = (s: string) => s.replace(/\u00a0/g, ' ').replace(/[ \t]+\n/g, '\n').trim();

/** An outlet named by its site ("guardian.ng"): a domain, which title case would make "Guardian.Ng". */
const DOMAIN = /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)+$/u;

/**
 * A clip's CSL item as the styles should read it: a domain as the outlet is kept as written
 * (citeproc-js's `nocase` markup), and MLA's link has no scheme. Only citations need that, so
 * the exports' items stay plain.
 */
function citationItem(clip: CitableClip, style: CitationStyle): CslItem {
  const item = cslItem(clip);
  const outlet = item['container-title'];
  if (outlet && DOMAIN.test(outlet)) item['container-title'] = `<span class="nocase">${outlet}</span>`;
  // MLA 9 gives a link without its scheme ("guardian.ng/news/…"); CSL cannot cut a string.
  if (style === 'mla' && item.URL) item.URL = item.URL.replace(/^https?:\/\//i, '');
  return item;
}

/**
 * The clips' bibliography entries in `style`, in the style's own order (alphabetical for all
 * three), as a reference list would have them.
 */
export function citeClips(clips: readonly CitableClip[], style: CitationStyle): Citations {
  if (clips.length === 0) return { text: '', html: '' };
  ensureCitationStyles();
  const cite = new Cite(clips.map((c) => citationItem(c, style)));
  const options = { template: STYLE_TEMPLATES[style], lang: 'en-US' };
  const text = cite.format('bibliography', { ...options, format: 'text' }) as string;
  const html = cite.format('bibliography', { ...options, format: 'html' }) as string;
  return { text: plain(text), html: html.trim() };
}
