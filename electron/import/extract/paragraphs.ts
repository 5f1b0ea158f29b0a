// Last pass over body paragraphs, shared by the HTML and text extractors: the headline
// repeated at the top, captions, repeated paragraphs (a standfirst printed twice), share
// and comment counters, teasers.
import { trimArticleTail } from './article-tail.ts';
import { isTeaserText } from './html-cleaning.ts';
import { titleSimilarity } from './titles.ts';

const COUNTER = /^(?:\d+\s*)?(?:comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|комментари[йяи]|shares?|likes?|views?)(?:\s*\(\d+\))?$|^\d+\s+(?:comments?|kommentare?|commentaires?|comentarios?|commenti|shares?)$/i;

// A bare "Related" / "Read more:" label introduces a link to another story; the short
// headline printed after it goes with it.
const TEASER_LABEL = /^(?:related(?: articles?| stories| coverage| content)?|read (?:more|also|next)|also read|see also|more on this(?: story| topic)?|mehr (?:lesen|zum thema)|lesen sie (?:auch|mehr)|auch lesen|artikel zum thema|lire aussi|à lire aussi|voir aussi|leia também|veja também|lee también|lea también|leggi anche|czytaj (?:też|także)|читайте также)\s*[:.…>»]*$/i;
const HEADLINE_MAX = 160;

// Disclosures, paywall prompts and calls to action: never article text, wherever they stand.
const PROMO = /\badvertising (?:disclosure|disclaimer)\b|\b(?:eingeloggt|angemeldet|logged in|signed in)\b.{0,30}\b(?:kommentare?|comments?|comment)\b|\bmay receive (?:compensation|a commission)\b|\bcontains references to products\b|\baffiliate[- ]links?\b|\bprovisionslinks?\b|\bwerbelinks?\b|\blinks auf dieser seite\b.{0,80}\bprovision\b|\b(?:hier|jetzt) klicken\b|\bklicken sie hier\b|\bclick here to (?:subscribe|sign up|register|read|learn)\b|\bwählen sie ihren zugang\b|\balle angaben ohne gewähr\b/i;
const PROMO_MAX = 400;

// "Quelle: Landesregierung", "Source: Reuters": an attribution line under a section or
// table, site furniture rather than a sentence of the story.
const SOURCE_LINE = /^(?:quellen?|source|sources|fuente|fuentes|fonte|źródło|источник)\s*:\s*\S.{0,80}$/i;

export interface CleanOptions {
  title: string | null;
  captions: string[];
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export function cleanParagraphs(paragraphs: string[], opts: CleanOptions): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const captions = new Set(opts.captions.map(norm));
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const n = norm(p);
    if (!n) continue;
    if (out.length < 3 && opts.title && p.length < 400 && titleSimilarity(opts.title, p) >= 0.9) continue;
    if (captions.has(n)) continue;
    if (COUNTER.test(p.trim())) continue;
    if (TEASER_LABEL.test(p.trim())) {
      const next = paragraphs[i + 1];
      if (next !== undefined && next.length < HEADLINE_MAX && !/[.!?…]["”»]?$/.test(next.trim())) i++;
      continue;
    }
    if (isTeaserText(p) && p.length < 100) continue;
    if (p.length < PROMO_MAX && PROMO.test(p)) continue;
    if (SOURCE_LINE.test(p.trim())) continue;
    if (n.length > 40 && seen.has(n)) continue;
    seen.add(n);
    out.push(p);
  }
  return trimArticleTail(out);
}
