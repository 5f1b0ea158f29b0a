// A byline that credits an organisation rather than a person is still a byline: it must never
// be taken for the headline above it.
import { describe, expect, it } from 'vitest';
import { extractFromBytes } from '../../../electron/import/extract-file.ts';

const page = [
  'Market Hall News — a community newsletter',
  '',
  'Traders vote to keep the Saturday market open until 8 pm',
  '',
  "By the Market Hall traders' association",
  '',
  'Stallholders at the Market Hall have voted by 41 to 9 to extend Saturday trading until eight in the evening through the summer, after a trial last year brought in what one trader called "a whole new crowd".',
  '',
  'The later hours will begin in May. Food stalls will move to the north aisle so that the south entrance can stay open for an evening music programme run by the youth orchestra.',
  '',
].join('\n');

describe('organisation bylines in text', () => {
  it('keeps the headline above an organisation byline, and the byline out of the body', () => {
    const ex = extractFromBytes(new TextEncoder().encode(page), 'market-hall.txt');
    expect(ex.title).toBe('Traders vote to keep the Saturday market open until 8 pm');
    expect(ex.bodyText).not.toContain("By the Market Hall traders' association");
    expect(ex.bodyText.startsWith('Stallholders at the Market Hall')).toBe(true);
  });
});
