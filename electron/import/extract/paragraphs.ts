// Last pass over body paragraphs, shared by the HTML and text extractors: the headline
// repeated at the top, captions, repeated paragraphs (a standfirst printed twice), share
// and comment counters, teasers.
import { trimArticleTail } from './article-tail.ts';
import { isTeaserText } from './html-cleaning.ts';
import { DEFAULT_RULES, type Rules } from './rule-tokens.ts';
import { titleSimilarity } from './titles.ts';

const COUNTER = /^(?:\d+\s*)?(?:comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|комментари[йяи]|shares?|likes?|views?)(?:\s*\(\d+\))?$|^\d+\s+(?:comments?|kommentare?|commentaires?|comentarios?|commenti|shares?)$/i;

// A bare "Related" / "Read more:" label (rules.teaserLabel) introduces a link to another
// story; the short headline printed after it goes with it.
const HEADLINE_MAX = 160;

// Disclosures, paywall prompts and calls to action (rules.promo) are never article text,
// wherever they stand.
const PROMO_MAX = 400;

// "Quelle: Landesregierung", "Source: Reuters": an attribution line under a section or
// table, site furniture rather than a sentence of the story.
const SOURCE_LINE = /^(?:quellen?|source|sources|fuente|fuentes|fonte|źródło|источник)\s*:\s*\S.{0,80}$/i;

export interface CleanOptions {
  title: string | null;
  captions: string[];
  /** The furniture phrases in force (all of them unless some are switched off). */
  rules?: Rules;
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export function cleanParagraphs(paragraphs: string[], opts: CleanOptions): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const captions = new Set(opts.captions.map(norm));
  const rules = opts.rules ?? DEFAULT_RULES;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const n = norm(p);
    if (!n) continue;
    if (out.length < 3 && opts.title && p.length < 400 && titleSimilarity(opts.title, p) >= 0.9) continue;
    if (captions.has(n)) continue;
    if (COUNTER.test(p.trim())) continue;
    if (rules.teaserLabel.test(p.trim())) {
      const next = paragraphs[i + 1];
      if (next !== undefined && next.length < HEADLINE_MAX && !/[.!?…]["”»]?$/.test(next.trim())) i++;
      continue;
    }
    if (isTeaserText(p, rules) && p.length < 100) continue;
    if (p.length < PROMO_MAX && rules.promo.test(p)) continue;
    if (SOURCE_LINE.test(p.trim())) continue;
    if (n.length > 40 && seen.has(n)) continue;
    seen.add(n);
    out.push(p);
  }
  return trimArticleTail(out, rules);
}
