// Unlabelled English news text for the entity model's statistics (how often a word is written
// with a capital away from a sentence start, and the distributional word classes): the article
// bodies of the extraction corpus's developer set (shared/corpus/extraction/dev/aeb,
// ground-truth.json `articleBody`) and the text renderings of its trafilatura pages
// (shared/corpus/extraction/dev-txt/trafilatura/*.txt), and the paragraphs (<p> elements of 80
// characters or more) of its saved trafilatura and htmldate pages
// (shared/corpus/extraction/dev/{trafilatura,htmldate}/html/*.html.gz). Only pages that read as English are
// kept (share of common English function words). The text is used for counting only: no
// sentence of it reaches the model file, and it carries no annotation, so nothing of the entity
// evaluation files is learnt from it (none of their sentences occurs in it; checked when this
// source was added).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const FUNCTION_WORDS = new Set([
  'the', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'for', 'on', 'with', 'was', 'as', 'it', 'by', 'are', 'be', 'at',
  'from', 'has', 'have', 'he', 'his', 'said', 'this', 'an', 'not', 'but', 'they', 'their', 'which', 'were', 'will',
]);

/** Whether a text reads as English: enough of its words are common English function words. */
export function looksEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 50) return false;
  let hits = 0;
  for (const w of words) if (FUNCTION_WORDS.has(w)) hits++;
  return hits / words.length >= 0.2;
}

/** The English texts, in a fixed order (so counts and classes are the same on every run). */
export function loadUnlabelledEnglish(extractionRoot: string): string[] {
  const out: string[] = [];
  const aeb = path.join(extractionRoot, 'dev', 'aeb', 'ground-truth.json');
  if (existsSync(aeb)) {
    const truth = JSON.parse(readFileSync(aeb, 'utf8')) as Record<string, { articleBody?: string }>;
    for (const id of Object.keys(truth).sort()) {
      const body = truth[id].articleBody;
      if (body && looksEnglish(body)) out.push(body);
    }
  }
  const txt = path.join(extractionRoot, 'dev-txt', 'trafilatura');
  if (existsSync(txt)) {
    for (const f of readdirSync(txt).filter((n) => n.endsWith('.txt')).sort()) {
      // A text-mode rendering: keep the lines that read like prose (menus and footers are
      // short lines of capitalised words, which would make common words look like names).
      const lines = readFileSync(path.join(txt, f), 'utf8').split('\n').map((l) => l.trim());
      const prose = lines.filter((l) => l.length >= 60 && /[.!?,]/.test(l)).join(' ');
      if (looksEnglish(prose)) out.push(prose);
    }
  }
  for (const dataset of ['trafilatura', 'htmldate']) {
    const dir = path.join(extractionRoot, 'dev', dataset, 'html');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.html.gz')).sort()) {
      const body = paragraphs(decodeBytes(gunzipSync(readFileSync(path.join(dir, f)))));
      if (looksEnglish(body)) out.push(body);
    }
  }
  return out;
}

function decodeBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', mdash: '—', ndash: '–', hellip: '…' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** The text of a page's paragraphs of 80 characters or more, one a line. */
function paragraphs(html: string): string {
  const out: string[] = [];
  for (const m of html.matchAll(/<p[\s>][\s\S]*?<\/p>/gi)) {
    const text = decodeEntities(m[0].replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
    if (text.length >= 80) out.push(text);
  }
  return out.join('\n');
}
