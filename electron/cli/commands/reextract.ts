// `cuttings reextract [ID…|--all]`: clips read again from their stored originals with the
// current extractor (the Api's reextractClips). A progress bar on standard error while it runs,
// then a line per changed or failed clip and a summary. Ctrl+C stops it, keeping what was done.
import type { ReextractField, ReextractOutcome, ReextractProgress, ReextractSummary } from '../../api.ts';
import { plural, UsageError, type LibraryCommand } from '../command.ts';
import { printJson, terminalSafe } from '../io.ts';
import { CLEAR_BAR } from '../print.ts';

const BAR_LINE = 110;

function bar(p: ReextractProgress): string {
  const width = 28;
  const filled = Math.round((p.total ? p.done / p.total : 0) * width);
  const eta = p.etaSeconds !== null ? ` ETA ${p.etaSeconds}s` : '';
  const current = p.currentClip ? ` ${terminalSafe(p.currentClip).slice(0, 40)}` : '';
  return `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${p.done}/${p.total} ${p.clipsPerSecond}/s${eta}${current}`.padEnd(BAR_LINE).slice(0, BAR_LINE);
}

const FIELD_WORDS: Record<ReextractField, string> = {
  title: 'title', standfirst: 'standfirst', author: 'author', source: 'source', site: 'site', url: 'URL',
  publishedAt: 'date', modifiedAt: 'updated date', savedAt: 'saved date', language: 'language',
  bodyText: 'text', bodyHtml: 'layout', captions: 'captions',
};

function outcomeLine(o: ReextractOutcome): string {
  const title = terminalSafe(o.title);
  if (o.status === 'failed') return `failed     #${o.clipId} ${terminalSafe(o.file ?? o.title)}: ${terminalSafe(o.reason)}`;
  const fields = (o.fields ?? []).map((f) => FIELD_WORDS[f]).join(', ');
  const kept = o.kept?.length ? `; kept as corrected: ${o.kept.join(', ')}` : '';
  return `${o.status.padEnd(11)}#${o.clipId} ${title}${fields ? `  (${fields}${kept})` : kept ? `  (${kept.slice(2)})` : ''}`;
}

/** "12 clips updated, 3 unchanged, 1 failed". */
export function summaryLine(s: ReextractSummary): string {
  const parts = [`${plural(s.changed, 'clip')} updated`, `${s.unchanged} unchanged`, `${s.failed} failed`];
  if (s.notReached) parts.push(`${s.notReached} not reached (stopped)`);
  return parts.join(', ');
}

export const reextractCommand: LibraryCommand = {
  name: 'reextract',
  args: '[ID…]',
  summary: 'Read clips again from their stored originals with the current extractor (tags, notes and corrections kept)',
  library: 'open',
  flags: [
    { name: 'all', kind: 'switch', help: 'Every clip in the library' },
    { name: 'no-progress', kind: 'switch', help: 'No progress bar on standard error' },
  ],
  async run({ io, input, events, handlers, call }) {
    const all = input.has('all');
    if (all && input.positional.length) throw new UsageError('reextract takes clip numbers or --all, not both');
    if (!all && !input.positional.length) throw new UsageError('reextract needs clip numbers (see `cuttings list`) or --all');
    const showProgress = io.isTTY && !input.json && !input.has('no-progress');
    const unsubscribe = events.subscribe((event, payload) => {
      if (event === 'reextract-progress' && showProgress) io.err(bar(payload as ReextractProgress));
    });
    let summary: ReextractSummary;
    let jobId: string | null = null;
    // The first Ctrl+C stops the run, keeping every batch written so far; a second one ends at once.
    const stop = () => {
      if (jobId) void call('cancelReextract', { jobId });
      if (showProgress) io.err(CLEAR_BAR);
      io.err('Stopping… (clips already re-extracted keep their new reading)');
      process.removeListener('SIGINT', stop);
    };
    process.on('SIGINT', stop);
    try {
      ({ jobId } = await call('reextractClips', all ? { all: true } : { ids: input.positional }));
      summary = await handlers.waitForReextract(jobId);
    } finally {
      process.removeListener('SIGINT', stop);
      unsubscribe();
    }
    if (showProgress) io.err(CLEAR_BAR);
    if (input.json) {
      printJson(io, summary);
    } else {
      for (const o of summary.outcomes) {
        if (o.status === 'failed') io.err(outcomeLine(o));
        else io.out(outcomeLine(o));
      }
      io.err(`${summaryLine(summary)} (${(summary.elapsedMs / 1000).toFixed(1)} s)`);
    }
    if (summary.cancelled) return 130;
    return summary.failed > 0 ? 1 : 0;
  },
};
