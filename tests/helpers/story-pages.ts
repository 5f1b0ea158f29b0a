// Saved pages for the stories tests: the seed's AFP story as three outlets ran it (each its own
// page, header, byline line and small rewordings), and one page saved twice as it changed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Not from temp-library.ts: the browser tests use these pages too, without opening a library.
const SEED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus/seed/guardian-ng-maduro-russia.txt');

/** The seed article's paragraphs: after its date line, before the comment counter, caption left out. */
function seedParagraphs(): string[] {
  const lines = fs.readFileSync(SEED, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const start = lines.findIndex((l) => /^20 September 2019/.test(l)) + 1;
  const end = lines.indexOf('0 Comments');
  return lines.slice(start, end).filter((l) => !l.startsWith('Handout picture') && l !== lines[start]);
}

export const WIRE_TITLE = 'Kremlin says Venezuela’s Maduro to visit Russia ‘soon’';

interface Outlet {
  name: string;
  site: string;
  file: string;
  title: string;
  byline: string;
  /** Small rewordings an outlet's desk makes. */
  edits: [string, string][];
}

export const WIRE_OUTLETS: Outlet[] = [
  { name: 'The Guardian Nigeria', site: 'guardian.ng', file: 'guardian-ng.html', title: WIRE_TITLE, byline: 'By AFP', edits: [] },
  {
    name: 'France 24', site: 'france24.example', file: 'france24.html', title: 'Maduro to visit Russia soon, says Kremlin', byline: 'AFP',
    edits: [
      ['in an apparent attempt by the embattled leader to shore up support', 'as the embattled leader seeks to shore up support'],
      ['declining to provide precise dates', 'without giving precise dates'],
    ],
  },
  {
    name: 'Daily Post', site: 'dailypost.example', file: 'dailypost.html', title: 'Venezuela: Maduro to visit Russia ‘soon’ – Kremlin', byline: 'Agence France-Presse',
    edits: [
      ['Hit by low oil prices, mismanagement and the impact of US sanctions', 'Battered by low oil prices, mismanagement and US sanctions'],
      ['was a welcome guest at the Kremlin', 'was a frequent guest at the Kremlin'],
    ],
  },
];

function page(o: { name: string; url: string; title: string; byline: string; published: string; paragraphs: string[] }): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${esc(o.title)} | ${esc(o.name)}</title>
<meta property="og:site_name" content="${esc(o.name)}">
<meta property="og:title" content="${esc(o.title)}">
<meta property="og:url" content="${esc(o.url)}">
<link rel="canonical" href="${esc(o.url)}">
<meta property="article:published_time" content="${o.published}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/africa">Africa</a></nav></header>
<main><article>
<h1>${esc(o.title)}</h1>
<p class="byline">${esc(o.byline)}</p>
${o.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article></main>
<footer><p>© ${esc(o.name)}. All rights reserved.</p></footer>
</body></html>`;
}

/** Writes the three outlets' pages into `dir`; answers their paths, in WIRE_OUTLETS order. */
export function writeWirePages(dir: string): string[] {
  const paragraphs = seedParagraphs();
  return WIRE_OUTLETS.map((o, i) => {
    const text = paragraphs.map((p) => o.edits.reduce((t, [from, to]) => t.replace(from, to), p));
    const file = path.join(dir, o.file);
    fs.writeFileSync(file, page({
      name: o.name, url: `https://${o.site}/news/2019/09/20/maduro-russia-visit`, title: o.title, byline: o.byline,
      published: `2019-09-20T1${5 + i}:17:00Z`, paragraphs: text,
    }));
    return file;
  });
}

export const CHANGED_PAGE_URL = 'https://portnews.example/2019/09/rotterdam-terminal-opening';
export const CHANGED_PAGE_TITLE = 'Rotterdam’s new container terminal to open next month';

/** A page of its own story (not the wire story's), as it stood in the morning. */
const PORT_STORY = [
  'The port of Rotterdam will open its new automated container terminal on the Maasvlakte next month, the port authority said on Friday, after a two-year delay caused by software problems and a shortage of trained crane operators.',
  'The terminal, built on land reclaimed from the North Sea, is expected to handle 2.7 million containers a year once it runs at full capacity, making it one of the largest in Europe.',
  'Its 24 ship-to-shore cranes are operated remotely from a control room, and driverless vehicles carry the containers between the quay and the stacks.',
  'Dockworkers’ unions had warned that the automation would cost hundreds of jobs, but reached an agreement with the operator in the spring that guarantees employment until 2025.',
  'The port authority said the first vessel to call at the terminal would be a container ship arriving from Shanghai, without naming the shipping line.',
  'Rotterdam handled 14.5 million containers last year, well ahead of Antwerp and Hamburg, and expects trade with Asia to keep growing despite tensions between Washington and Beijing.',
  'The opening has been watched closely by other European ports, several of which are planning automated terminals of their own.',
];

/**
 * One page saved twice: the morning's version, and the evening's with the opening's date
 * confirmed, a figure corrected and a paragraph added. Same address, same headline.
 */
export function writeChangedPage(dir: string): { first: string; second: string } {
  const first = path.join(dir, 'rotterdam-morning.html');
  const second = path.join(dir, 'rotterdam-evening.html');
  const base = { name: 'Port News', url: CHANGED_PAGE_URL, title: CHANGED_PAGE_TITLE, byline: 'By Jan de Vries', published: '2019-09-20T08:30:00Z' };
  fs.writeFileSync(first, page({ ...base, paragraphs: PORT_STORY }));
  const updated = PORT_STORY.map((p) =>
    p.replace('will open its new automated container terminal on the Maasvlakte next month', 'will open its new automated container terminal on the Maasvlakte on October 14')
      .replace('2.7 million containers', '2.4 million containers'),
  );
  updated.splice(5, 0, 'The shipping line was later named as Maersk, whose Madrid Maersk is due on the opening day.');
  fs.writeFileSync(second, page({ ...base, paragraphs: updated }));
  // Saved on two days (the day a page was saved comes from its file's date).
  fs.utimesSync(first, new Date('2019-09-20T09:00:00Z'), new Date('2019-09-20T09:00:00Z'));
  fs.utimesSync(second, new Date('2019-09-22T19:30:00Z'), new Date('2019-09-22T19:30:00Z'));
  return { first, second };
}
