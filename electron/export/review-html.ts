// The press review as one self-contained HTML document: inline CSS, no script, no remote
// anything (a CSP in the file says so to the browser as well), anchors by clip uid so the
// contents link whatever the page. The same text is what the PDF is printed from, in the
// desktop app (printToPDF) and in Chromium, so the two PDFs agree. Every piece of text is
// escaped; article bodies arrive already re-serialized through the import's allowlist.
import { escapeText as esc } from '../import/extract/safe-html.ts';
import { humanDate } from './human-dates.ts';
import type { ReviewClip } from './review-clips.ts';
import { bylineOf, CONTENT_WORDS, entryMeta, GROUPING_WORDS, plural, type ReviewDocument } from './review-document.ts';
import { reviewCss } from './review-style.ts';

const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
const LANGUAGE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;
/** Highlight colours as CSS: a name or a hex colour, nothing that could close the attribute. */
const COLOUR = /^(?:#[0-9a-f]{3,8}|[a-z]{3,20})$/i;
const MARKS: Record<string, string> = { yellow: '#f2c94c', green: '#6fcf97', blue: '#56a3e8', pink: '#f08fb8', red: '#eb6b5b', orange: '#f2994a', purple: '#a98be6' };

function titlePage(d: ReviewDocument): string {
  const facts: [string, string][] = [];
  if (d.period) facts.push(['Period', d.period + (d.undated ? ` (and ${plural(d.undated, 'undated clip')})` : '')]);
  if (d.compiledBy) facts.push(['Compiled by', d.compiledBy]);
  facts.push(['Compiled on', d.compiledOn]);
  facts.push(['Clippings', `${d.clipCount.toLocaleString('en-GB')} · ${GROUPING_WORDS[d.grouping].toLowerCase()} · ${CONTENT_WORDS[d.content].toLowerCase()}`]);
  return [
    '<header class="title-page">',
    '<p class="title-kicker">Press review</p>',
    `<h1>${esc(d.title)}</h1>`,
    d.period ? `<p class="title-period">${esc(d.period)}</p>` : '',
    `<dl class="title-facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`,
    '</header>',
  ].filter(Boolean).join('\n');
}

function contents(d: ReviewDocument): string {
  const groups = d.groups.map((g) => {
    const entries = g.clips.map((c) => {
      const meta = entryMeta(c);
      return `<li><a href="#${c.anchor}"><span class="no">${d.numbers.get(c.anchor)}</span><span class="entry-title">${esc(c.title)}</span>${meta ? `<span class="entry-meta">${esc(meta)}</span>` : ''}</a></li>`;
    });
    return `<section class="contents-group"><h3><a href="#${g.anchor}">${esc(g.label)}</a> <span class="count">· ${g.clips.length}</span></h3>\n<ol>\n${entries.join('\n')}\n</ol></section>`;
  });
  return `<nav class="contents" id="contents" aria-label="Contents">\n<h2>Contents</h2>\n${groups.join('\n')}\n</nav>`;
}

function highlightList(c: ReviewClip): string {
  if (!c.highlights?.length) return '<p class="clip-none">No passages of this clip are highlighted.</p>';
  const items = c.highlights.map((h) => {
    const colour = COLOUR.test(h.colour) ? (MARKS[h.colour.toLowerCase()] ?? h.colour) : MARKS.yellow;
    return `<li style="--mark: ${colour}"><blockquote>${esc(h.quote)}</blockquote>${h.note?.trim() ? `<p class="hl-note">${esc(h.note.trim())}</p>` : ''}</li>`;
  });
  return `<ol class="clip-highlights">\n${items.join('\n')}\n</ol>`;
}

function clipContent(c: ReviewClip, d: ReviewDocument): string {
  switch (d.content) {
    case 'full':
      return `<div class="clip-body">\n${c.bodyHtml ?? ''}\n</div>`;
    case 'standfirst':
      return c.standfirst ? '' : c.lead ? `<p class="clip-lead">${esc(c.lead)}</p>` : '<p class="clip-none">This clip has no text.</p>';
    case 'highlights':
      return highlightList(c);
  }
}

function clipArticle(c: ReviewClip, d: ReviewDocument): string {
  const lang = c.language && LANGUAGE.test(c.language) ? ` lang="${esc(c.language)}"` : '';
  const meta = [bylineOf(c.author), humanDate(c.publishedAt)].filter(Boolean) as string[];
  return [
    `<article class="clip" id="${c.anchor}"${lang}>`,
    '<header class="clip-head">',
    `<p class="clip-kicker"><span class="clip-no">No. ${d.numbers.get(c.anchor)}</span>${c.source ? `<span class="clip-outlet">${esc(c.source)}</span>` : ''}</p>`,
    `<h3 class="clip-title">${esc(c.title)}</h3>`,
    meta.length ? `<p class="clip-meta">${meta.map((m) => `<span>${esc(m)}</span>`).join('')}</p>` : '',
    '</header>',
    c.standfirst ? `<p class="clip-standfirst">${esc(c.standfirst)}</p>` : '',
    clipContent(c, d),
    c.url ? `<p class="clip-source">Source: <a href="${esc(c.url)}" rel="noopener noreferrer nofollow">${esc(c.url)}</a></p>` : '',
    '<a class="back" href="#contents">↑ Contents</a>',
    '</article>',
  ].filter(Boolean).join('\n');
}

/** The whole document. Clips are already in memory (the groups need all of them), so it is built in one go. */
export function reviewHtml(d: ReviewDocument): string {
  const parts = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    '<meta name="generator" content="Cuttings">',
    d.compiledBy ? `<meta name="author" content="${esc(d.compiledBy)}">` : '',
    `<title>${esc(d.period ? `${d.title} · ${d.period}` : d.title)}</title>`,
    `<style>${reviewCss({ title: d.title, period: d.period })}</style>`,
    '</head>',
    `<body class="mode-${d.content} group-${d.grouping}">`,
    '<div class="review">',
    titlePage(d),
    contents(d),
    '<main>',
  ];
  for (const g of d.groups) {
    parts.push(`<section class="group" id="${g.anchor}" aria-labelledby="${g.anchor}-title">`, `<h2 class="group-title" id="${g.anchor}-title">${esc(g.label)}</h2>`);
    for (const c of g.clips) parts.push(clipArticle(c, d));
    parts.push('</section>');
  }
  parts.push('</main>', '</div>', '</body>', '</html>', '');
  return parts.filter((p) => p !== '').join('\n') + '\n';
}
