// The citation style last chosen, kept across reloads (localStorage; for this window only where
// storage is unavailable). Read when a picker opens, so the reader's button and the clip menu
// always offer the same one first.
import { CITATION_STYLES, type CitationStyle } from '../../../electron/api.ts';

const KEY = 'cuttings.citationStyle';
let fallback: CitationStyle = 'apa';

export function storedCitationStyle(): CitationStyle {
  try {
    const v = localStorage.getItem(KEY);
    return (CITATION_STYLES as readonly string[]).includes(v ?? '') ? (v as CitationStyle) : fallback;
  } catch {
    return fallback;
  }
}

export function rememberCitationStyle(style: CitationStyle): void {
  fallback = style;
  try {
    localStorage.setItem(KEY, style);
  } catch {
    /* kept for this window only */
  }
}
