// The outlet of a page saved as text, from its first lines: a masthead, a site name the page
// repeats, an e-mail style "To <site>". The sample clippings a new user loads show theirs;
// a menu, a button or a section label at the top of a page is never taken for an outlet.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../../electron/handlers/event-bus.ts';
import { createHandlers } from '../../../electron/handlers/handler-table.ts';
import { extractFromBytes } from '../../../electron/import/extract-file.ts';
import type { ClipSummary } from '../../../electron/api.ts';
import { PROJECT_ROOT, tempLibrary } from '../../helpers/temp-library.ts';

const read = (lines: string[]) => extractFromBytes(new TextEncoder().encode(lines.join('\n')), 'page.txt');
const story = [
  'The operator said it had raised night-shift pay by twelve per cent and offered new drivers paid training, which brought in forty applicants within a month.',
  'Buses on the restored routes will run every twenty minutes between midnight and five in the morning, and a review of the timetable is due in the spring.',
];

describe('the sample clippings a new user loads', () => {
  const lib = tempLibrary();
  const handlers = createHandlers({ library: lib, events: new EventBus(), shell: 'cli', samplesDir: path.join(PROJECT_ROOT, 'resources', 'samples') });
  let clips: ClipSummary[] = [];
  beforeAll(async () => {
    await handlers.waitForImport((await handlers.api.loadSamples({})).jobId);
    clips = (await handlers.api.listClips({ limit: 100 })).clips;
  });
  afterAll(async () => {
    await handlers.dispose();
    lib.cleanup();
  });

  it('each show their outlet', () => {
    expect(clips.length).toBeGreaterThanOrEqual(8);
    for (const c of clips) expect(c.source, c.title).toBeTruthy();
  });

  it('take it from the masthead line and from "To <site>"', () => {
    const sourceOf = (title: RegExp) => clips.find((c) => title.test(c.title))?.source;
    expect(sourceOf(/^Night buses return/)).toBe('The Eastern Observer');
    expect(sourceOf(/^Tidal barrier opens early/)).toBe('harbourgazette.example');
    expect(sourceOf(/^Traders vote/)).toBe('Market Hall News');
  });
});

describe('the outlet of a page saved as text', () => {
  it('is the masthead over the headline, without its description', () => {
    const x = read(['Market Hall News — a community newsletter', '', 'Traders vote to keep the Saturday market open late', '', ...story]);
    expect(x.source).toBe('Market Hall News');
  });

  it('is the host name of an e-mail style "To <site>" line, and the site too', () => {
    const x = read(['Saved 12 March 2024', 'To harbourgazette.example', 'Search', '', 'Tidal barrier opens early as councils brace for storms', '', 'By Maren Oakes', '', ...story]);
    expect(x.source).toBe('harbourgazette.example');
    expect(x.site).toBe('harbourgazette.example');
    expect(x.savedAt).toBe('2024-03-12');
  });

  it('is a name far above the headline only when the page names it again', () => {
    const menu = Array.from({ length: 12 }, (_, i) => `  • Section ${i + 1}`);
    const page = (footer: string) => read(['Deviante Pfade', 'Menu', '', ...menu, '', 'Unbefriedigt, und was daraus folgt', '', '8. Januar 2020 · by Aureliana', '', ...story, '', footer]);
    expect(page('© 2020 Deviante Pfade').source).toBe('Deviante Pfade');
    expect(page('Impressum').source).toBeNull();
  });

  it('is never a button, a menu entry or an embedded frame', () => {
    expect(read(['Learn More', '', 'Night buses return to six routes after recruitment drive', '', ...story, '', 'Learn More']).source).toBeNull();
    expect(read(['Home | Local | Culture', '', 'Night buses return to six routes after recruitment drive', '', ...story]).source).toBeNull();
    expect(read(['IFRAME: https://www.googletagmanager.com/ns.html?id=GTM-1', '', 'Night buses return to six routes after recruitment drive', '', ...story]).source).toBeNull();
  });
});
