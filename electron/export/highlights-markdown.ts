// Highlights as one Markdown document: for each clip with any, its headline (linked to the
// article), outlet, byline and date, how to open it in Cuttings, then each highlighted passage
// as a block quote with its colour and note. What a person pastes into a report or a notes app.
// Each note of the Markdown folder export (markdown.ts) ends with the same section.
import type Database from 'better-sqlite3';
import type { Highlight } from '../api.ts';
import { highlightsOfClips } from '../library/highlights.ts';
import { humanDate } from './human-dates.ts';
import { escapeMarkdown, textToMarkdown } from './markdown-body.ts';

interface ClipHead {
  id: number;
  title: string;
  source: string | null;
  author: string | null;
  published_at: string | null;
  url: string | null;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A passage as a block quote, every line of it quoted. */
function quoteBlock(text: string): string {
  return text
    .split(/\n+/)
    .map((line) => `> ${escapeMarkdown(oneLine(line))}`)
    .filter((line) => line !== '> ')
    .join('\n>\n');
}

/** One highlight: the quote, then its colour (and "detached" when its words left the text), then its note. */
export function highlightMarkdown(h: Highlight): string {
  const parts = [quoteBlock(h.quote.exact)];
  const label = h.position ? h.colour : `${h.colour}, detached: these words are no longer in the clip's text`;
  parts.push(`<small>${label}</small>`);
  const note = textToMarkdown(h.note);
  if (note) parts.push(`**Note:** ${note}`);
  return parts.join('\n\n');
}

/** The "## Highlights" section of one clip ('' when it has none). */
export function highlightsSection(list: readonly Highlight[] | undefined, level = 2): string {
  if (!list?.length) return '';
  return [`${'#'.repeat(level)} Highlights`, ...list.map(highlightMarkdown)].join('\n\n');
}

function clipHeading(c: ClipHead): string {
  const title = escapeMarkdown(oneLine(c.title));
  const head = c.url && /^https?:\/\//i.test(c.url) ? `## [${title}](<${c.url.replace(/>/g, '%3E')}>)` : `## ${title}`;
  const line = [c.source, c.author, c.published_at ? humanDate(c.published_at) : null]
    .filter((x): x is string => !!x)
    .map((x) => escapeMarkdown(oneLine(x)))
    .join(' · ');
  const open = `Cuttings clip ${c.id} (\`cuttings show ${c.id}\`)`;
  return [head, line ? `${line}  \n${open}` : open].join('\n\n');
}

/** The highlights of `ids` (clips without any are left out), under a title. */
export function highlightsDocument(db: Database.Database, ids: readonly number[], title: string, now = new Date()): { text: string; clips: number; highlights: number } {
  const marked = highlightsOfClips(db, ids);
  const heads = db
    .prepare('SELECT id, title, source, author, published_at, url FROM clips WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify([...marked.keys()])) as ClipHead[];
  const byId = new Map(heads.map((h) => [h.id, h]));
  const sections: string[] = [];
  let count = 0;
  // In the order the export chose (newest first, or the person's selection).
  for (const id of ids) {
    const head = byId.get(id);
    const list = marked.get(id);
    if (!head || !list) continue;
    count += list.length;
    sections.push([clipHeading(head), ...list.map(highlightMarkdown)].join('\n\n'));
  }
  const clips = sections.length;
  const summary = `Exported from Cuttings on ${humanDate(now.toISOString().slice(0, 10))} · ${clips} ${clips === 1 ? 'clip' : 'clips'} · ${count} ${count === 1 ? 'highlight' : 'highlights'}`;
  const text = `# ${escapeMarkdown(title)}\n\n${summary}\n\n${sections.join('\n\n---\n\n')}\n`;
  return { text, clips, highlights: count };
}
