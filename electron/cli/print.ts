// How results look in a terminal: one place for each kind of line the commands print.
// Everything taken from an article passes through terminalSafe.
import type { Clip, ClipSummary, ImportOutcome, ImportProgress, SearchResult, Timeline } from '../api.ts';
import { plural } from './command.ts';
import { terminalSafe, type Io } from './io.ts';

const BAR_LINE = 110;

export function progressBar(p: ImportProgress): string {
  const width = 28;
  const share = p.total ? p.done / p.total : 0;
  const filled = Math.round(share * width);
  const eta = p.etaSeconds !== null ? ` ETA ${p.etaSeconds}s` : '';
  const file = p.currentFile ? ` ${terminalSafe(p.currentFile).slice(-40)}` : '';
  return `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${p.done}/${p.total} ${p.filesPerSecond}/s${eta}${file}`.padEnd(BAR_LINE).slice(0, BAR_LINE);
}

/** Rubs the progress bar out before the results are printed. */
export const CLEAR_BAR = '\r' + ' '.repeat(BAR_LINE) + '\r';

export function outcomeLine(o: ImportOutcome): string {
  const title = terminalSafe(o.title);
  if (o.status === 'added') return `added      ${o.file}  →  #${o.clipId} ${title}`;
  if (o.status === 'duplicate') return `duplicate  ${o.file}  →  ${terminalSafe(o.reason)}`;
  return `failed     ${o.file}: ${terminalSafe(o.reason)}`;
}

export function printClip(c: Clip, io: Io): void {
  const line = (k: string, v: string | null | undefined) => v && io.out(`${k.padEnd(11)}${terminalSafe(v)}`);
  io.out(terminalSafe(c.title));
  io.out('');
  line('Source', c.source);
  line('Author', c.author);
  line('Published', c.publishedAt);
  line('Saved', c.savedAt);
  line('Imported', c.importedAt);
  line('URL', c.url);
  line('Tags', c.tags.map((t) => t.name).join(', '));
  line('Original', c.original.name);
  if (c.nearDuplicates.length) line('Also in', c.nearDuplicates.map((n) => `#${n.id} ${n.source ?? n.title}`).join('; '));
  io.out('');
  if (c.standfirst) io.out(terminalSafe(c.standfirst) + '\n');
  io.out(terminalSafe(c.bodyText));
}

/** Search snippets are HTML with <mark>s: a terminal shows their text. */
function stripMarks(html: string): string {
  return html.replace(/<\/?mark>/g, '').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
}

export function printSearch(r: SearchResult, io: Io): void {
  if (r.showingResultsFor) io.err(`Showing results for: ${terminalSafe(r.showingResultsFor)}`);
  if (r.prefixFor) io.err(`Showing words starting with "${terminalSafe(r.prefixFor)}" (quote it to match the word alone)`);
  io.out(`${plural(r.total, 'clip')} (${r.tookMs.toFixed(1)} ms)`);
  for (const h of r.hits) {
    io.out(`#${h.id}  ${terminalSafe(h.title)}  —  ${terminalSafe(h.source) || 'unknown source'}${h.publishedAt ? `, ${h.publishedAt.slice(0, 10)}` : ''}`);
    if (h.snippet) io.out(`      ${terminalSafe(stripMarks(h.snippet)).replace(/\s+/g, ' ')}`);
  }
}

export function clipLine(c: ClipSummary): string {
  const tags = c.tags.length ? `  [${c.tags.map((t) => terminalSafe(t.name)).join(', ')}]` : '';
  return `#${String(c.id).padEnd(5)} ${(c.publishedAt ?? 'undated').slice(0, 10).padEnd(10)}  ${terminalSafe(c.title)}  —  ${terminalSafe(c.source) || '?'}${tags}`;
}

export function printTimeline(t: Timeline, io: Io): void {
  const max = Math.max(1, ...t.buckets.map((b) => b.count));
  for (const b of t.buckets) io.out(`${b.period.padEnd(10)} ${String(b.count).padStart(6)}  ${'█'.repeat(Math.max(1, Math.round((b.count / max) * 40)))}`);
  io.out(`${'undated'.padEnd(10)} ${String(t.undated).padStart(6)}`);
}
