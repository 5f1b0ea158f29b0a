// `cuttings review [QUERY…] --output FILE`: a press review of the clips a search query matches
// (tag:, source:, after:, before: … as in the search box), or of the whole library, as PDF,
// HTML or DOCX (electron/export/review-*.ts). A progress bar on standard error while it builds;
// Ctrl+C stops it and leaves no file.
import path from 'node:path';
import { REVIEW_CONTENTS, REVIEW_FORMATS, REVIEW_GROUPINGS, type ReviewFormat, type ReviewProgress, type ReviewRequest, type ReviewSummary } from '../../api.ts';
import { reviewRequest } from '../../handlers/validate.ts';
import { plural, UsageError, type LibraryCommand } from '../command.ts';
import { printJson, terminalSafe } from '../io.ts';
import { CLEAR_BAR } from '../print.ts';

const STAGES: Record<ReviewProgress['stage'], string> = { reading: 'Reading clips', printing: 'Laying out pages', saving: 'Saving' };

function bar(p: ReviewProgress): string {
  const width = 28;
  const filled = Math.round((p.total ? p.done / p.total : 0) * width);
  const count = p.stage === 'reading' ? ` ${p.done}/${p.total}` : '';
  return `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${STAGES[p.stage]}${count}`.padEnd(80).slice(0, 80);
}

/** The format named, or read from the output's extension, or PDF. */
function formatOf(given: string | undefined, output: string): ReviewFormat {
  if (given !== undefined) {
    if (!(REVIEW_FORMATS as readonly string[]).includes(given)) throw new UsageError(`--format must be one of ${REVIEW_FORMATS.join(', ')}`, 'review');
    return given as ReviewFormat;
  }
  const ext = path.extname(output).slice(1).toLowerCase();
  return (REVIEW_FORMATS as readonly string[]).includes(ext) ? (ext as ReviewFormat) : 'pdf';
}

export const reviewCommand: LibraryCommand = {
  name: 'review',
  args: '[QUERY…]',
  summary: 'Compile a press review (title page, contents, clips) of the clips a query matches, as PDF, HTML or DOCX',
  library: 'open',
  flags: [
    { name: 'output', kind: 'value', value: 'FILE', help: 'The file to write (required)' },
    { name: 'format', kind: 'value', choices: REVIEW_FORMATS, help: "pdf, html or docx (default: the output's extension, else pdf)" },
    { name: 'title', kind: 'value', value: 'T', help: 'The title (default "Press review")' },
    { name: 'group', kind: 'value', choices: REVIEW_GROUPINGS, help: 'Contents and clips grouped by day (default), outlet or tag' },
    { name: 'content', kind: 'value', choices: REVIEW_CONTENTS, help: 'Each clip in full (default), its standfirst only, or its highlights only' },
    { name: 'by', kind: 'value', value: 'NAME', help: 'Who compiled it, for the title page' },
    { name: 'no-progress', kind: 'switch', help: 'No progress bar on standard error' },
  ],
  async run({ io, input, events, handlers }) {
    const output = input.value('output');
    if (!output) throw new UsageError('review needs --output FILE (for example --output review.pdf)', 'review');
    const query = input.positional.join(' ').trim();
    const request: ReviewRequest = reviewRequest({
      format: formatOf(input.value('format'), output),
      ...(query ? { query } : {}),
      title: input.value('title'),
      compiledBy: input.value('by'),
      group: input.value('group'),
      content: input.value('content'),
    }, 'arguments');
    const showProgress = io.isTTY && !input.json && !input.has('no-progress');
    let jobId: string | null = null;
    const unsubscribe = events.subscribe((event, payload) => {
      if (event === 'review-progress' && showProgress && (payload as ReviewProgress).jobId === jobId) io.err(bar(payload as ReviewProgress));
    });
    const stop = () => {
      if (jobId) void handlers.api.cancelReview({ jobId });
      if (showProgress) io.err(CLEAR_BAR);
      io.err('Stopping… (no file is left behind)');
      process.removeListener('SIGINT', stop);
    };
    process.on('SIGINT', stop);
    let summary: ReviewSummary;
    try {
      // "No clips match" and the like are refused here, before anything is written.
      ({ jobId } = handlers.compileReviewTo(request, path.resolve(output)));
      summary = await handlers.waitForReview(jobId);
    } finally {
      process.removeListener('SIGINT', stop);
      unsubscribe();
    }
    if (showProgress) io.err(CLEAR_BAR);
    if (input.json) printJson(io, summary);
    else if (summary.status === 'done') io.err(`Compiled a press review of ${plural(summary.clips, 'clip')} to ${terminalSafe(summary.output)} (${(summary.elapsedMs / 1000).toFixed(1)} s)`);
    else if (summary.status === 'failed') io.err(`cuttings: ${terminalSafe(summary.error)}`);
    if (summary.status === 'cancelled') return 130;
    return summary.status === 'done' ? 0 : 1;
  },
};
