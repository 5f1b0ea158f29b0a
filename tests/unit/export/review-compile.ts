// Runs a press review through the handler table as the CLI does (a path given), collecting its
// progress events; shared by the press review tests.
import fs from 'node:fs';
import { expect } from 'vitest';
import type { ReviewProgress, ReviewRequest, ReviewSummary } from '../../../electron/api.ts';
import type { Handlers } from '../../../electron/handlers/handler-table.ts';
import type { EventBus } from '../../../electron/handlers/event-bus.ts';

export async function compileReview(handlers: Handlers, events: EventBus, request: ReviewRequest, output: string): Promise<{ summary: ReviewSummary; progress: ReviewProgress[] }> {
  const progress: ReviewProgress[] = [];
  const off = events.subscribe((event, payload) => {
    if (event === 'review-progress') progress.push(payload as ReviewProgress);
  });
  try {
    const { jobId } = handlers.compileReviewTo(request, output);
    const summary = await handlers.waitForReview(jobId);
    if (summary.status !== 'done') throw new Error(`The review ${summary.status}: ${summary.error ?? ''}`);
    expect(fs.existsSync(output)).toBe(true);
    return { summary, progress };
  } finally {
    off();
  }
}
