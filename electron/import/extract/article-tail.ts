// The end of an article is where pages put their furniture inside the article's own
// container: "More on this topic", "About the author", "Sources", app and newsletter
// pitches, "Follow us on…", copyright lines, "Was this article useful?". Readability keeps
// them because they sit next to the text. They are recognised here by their words (in the
// languages of the corpus and their neighbours) and by where they sit: only in the last
// part of the body, so the same words in the middle of a story are left alone. The headings
// and boilerplate phrases are in rule-tokens.ts (sectionHeadings, tailBoilerplate).
import { DEFAULT_RULES, type Rules } from './rule-tokens.ts';

/** Share of the body (from the end) in which closing furniture is looked for. */
const TAIL_SHARE = 0.35;

/**
 * Cut a closing section (from its heading on) and drop boilerplate lines from the last part
 * of the body. A section heading only cuts when what follows it is a minor part of the body.
 */
export function trimArticleTail(paragraphs: string[], rules: Rules = DEFAULT_RULES): string[] {
  const n = paragraphs.length;
  if (n < 3) return paragraphs;
  const total = paragraphs.reduce((s, p) => s + p.length, 0);
  const firstTail = Math.max(1, Math.floor(n * (1 - TAIL_SHARE)));
  let end = n;
  let after = 0;
  for (let i = n - 1; i >= firstTail; i--) {
    const p = paragraphs[i];
    if (p.length <= 70 && rules.sectionHeading.test(p.trim()) && after + p.length < total * 0.3) end = i;
    after += p.length;
  }
  const out: string[] = [];
  for (let i = 0; i < end; i++) {
    const p = paragraphs[i];
    if (i >= firstTail && p.length < 400 && rules.tailBoilerplate.test(p)) continue;
    out.push(p);
  }
  return out;
}

/** Longest line that can be a closing label ("Schon gelesen?", "Themen im Artikel"). */
const LABEL_MAX = 60;
/** How a sentence ends: closing quotes and brackets after its stop included. */
const SENTENCE_END = /[.!…:;]["'”’»)\]]*$|\)$/;
/** A few words that announce what follows ("Teilnehmende Blogs:"), or trail off into what
 * would load next ("Lade weitere Inhalte ..."), are a label, not a sentence. */
const ANNOUNCING = /^\S+(?:\s+\S+){0,2}:$|^\S+(?:\s+\S+)+\s*(?:\.\.\.|…)$/;
/** More closing lines than this are a list the article ends with. */
const LABEL_RUN_MAX = 4;
/** A question this short at the very end asks the reader ("Ist der Artikel hilfreich?"). */
const QUESTION_LABEL_MAX = 40;

/**
 * The article without the short labels it trails off into: section and widget headings
 * whose content was not text ("Themen im Artikel", "Empfehlung der Redaktion", "Quick
 * View", "Loading..."), a question to the reader, a "Follow us" line. An article ends with
 * a sentence; a run of short lines that are not sentences after its last one is furniture.
 */
export function trimClosingLabels(paragraphs: string[]): string[] {
  let end = paragraphs.length;
  const isLabel = (p: string) => {
    const t = p.trim();
    if (t.length > LABEL_MAX) return false;
    if (/\?["'”’»)]*$/.test(t)) return t.length <= QUESTION_LABEL_MAX;
    return !SENTENCE_END.test(t) || ANNOUNCING.test(t);
  };
  while (end > 1 && isLabel(paragraphs[end - 1])) end--;
  // Only a short run that follows prose: a list the article ends with (a table of results,
  // a recipe's steps) stays whole.
  if (end === paragraphs.length || paragraphs.length - end > LABEL_RUN_MAX || paragraphs[end - 1].length < 100) return paragraphs;
  return paragraphs.slice(0, end);
}
