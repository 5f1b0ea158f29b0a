// Last pass over body paragraphs, shared by the HTML and text extractors: the headline
// repeated at the top, captions, repeated paragraphs (a standfirst printed twice), share
// and comment counters, teasers.
import { trimArticleTail } from './article-tail.ts';
import { isTeaserText } from './html-cleaning.ts';
import { titleSimilarity } from './titles.ts';

const COUNTER = /^(?:\d+\s*)?(?:comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|комментари[йяи]|shares?|likes?|views?)(?:\s*\(\d+\))?$|^\d+\s+(?:comments?|kommentare?|commentaires?|comentarios?|commenti|shares?)$/i;

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
    if (isTeaserText(p) && p.length < 100) continue;
    if (n.length > 40 && seen.has(n)) continue;
    seen.add(n);
    out.push(p);
  }
  return trimArticleTail(out);
}
