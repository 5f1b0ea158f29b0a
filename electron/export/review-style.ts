// The press review's one stylesheet, inline in its HTML (it loads nothing): a serif reading face
// from the fonts the system already has, a title page, a contents page, and a print layout for
// A4 whose running head (the title and the period) and page numbers ("Page 3 of 12") come from
// CSS page-margin boxes, so the same document prints the same in Electron's printToPDF and in
// Chromium's headless print. Clips start cleanly (a new page each for full articles), headings
// stay with their text, and no line is split across pages (orphans, widows, break-inside).

/** A CSS string literal: quotes, backslashes and line ends escaped (the title is the person's text). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `).replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ')}"`;
}

export function reviewCss(runningHead: { title: string; period: string | null }): string {
  return `
:root {
  color-scheme: light;
  --serif: "Charter", "Bitstream Charter", "Iowan Old Style", "Source Serif 4", "Source Serif Pro", Georgia, Cambria, "Liberation Serif", "Times New Roman", "DejaVu Serif", "Noto Serif CJK SC", "Noto Serif CJK KR", serif;
  --sans: "Helvetica Neue", "Segoe UI", Helvetica, Arial, "Liberation Sans", "Noto Sans", "DejaVu Sans", sans-serif;
  --ink: #1b1a18;
  --ink-2: #4a4741;
  --ink-3: #77726a;
  --rule: #d9d4ca;
  --accent: #8c1d12;
  --wash: #f5f2ec;
}
* { box-sizing: border-box; }
html { background: #fff; color: var(--ink); -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 17px/1.55 var(--serif); font-kerning: normal; font-variant-ligatures: common-ligatures; text-rendering: optimizeLegibility; }
a { color: inherit; text-decoration-color: color-mix(in srgb, currentColor 35%, transparent); text-underline-offset: 0.15em; }
.review { max-width: 44rem; margin: 0 auto; padding: 3rem 1.5rem 5rem; }

/* Title page */
.title-page { display: flex; flex-direction: column; min-height: 32rem; padding: 2rem 0 3rem; border-bottom: 3px double var(--ink); }
.title-kicker { font: 600 0.75rem/1 var(--sans); letter-spacing: 0.2em; text-transform: uppercase; color: var(--accent); margin: 0 0 1.4rem; }
.title-page h1 { font-size: 2.9rem; line-height: 1.08; font-weight: 700; letter-spacing: -0.02em; margin: 0 0 1rem; overflow-wrap: break-word; }
.title-period { font-size: 1.35rem; font-style: italic; color: var(--ink-2); margin: 0; }
.title-facts { margin: auto 0 0; padding-top: 3rem; display: grid; grid-template-columns: max-content 1fr; gap: 0.45rem 1.6rem; font: 0.9rem/1.4 var(--sans); }
.title-facts dt { color: var(--ink-3); text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.72rem; padding-top: 0.12rem; }
.title-facts dd { margin: 0; color: var(--ink); }

/* Contents */
.contents { margin: 3rem 0 4rem; }
.contents > h2 { font: 700 0.8rem/1 var(--sans); letter-spacing: 0.2em; text-transform: uppercase; color: var(--ink-2); margin: 0 0 1.4rem; padding-bottom: 0.6rem; border-bottom: 2px solid var(--ink); }
.contents-group { margin: 0 0 1.3rem; break-inside: auto; }
.contents-group > h3 { font: 700 0.78rem/1.3 var(--sans); letter-spacing: 0.08em; text-transform: uppercase; color: var(--accent); margin: 0 0 0.3rem; break-after: avoid; }
.contents-group > h3 .count { color: var(--ink-3); font-weight: 500; letter-spacing: 0.04em; }
.contents ol { list-style: none; margin: 0; padding: 0; }
.contents li { border-bottom: 1px solid var(--rule); break-inside: avoid; }
.contents li a { display: grid; grid-template-columns: 2.1rem 1fr; column-gap: 0.3rem; padding: 0.38rem 0; text-decoration: none; }
.contents .no { grid-row: span 2; font: 500 0.78rem/1.75 var(--sans); color: var(--ink-3); font-variant-numeric: tabular-nums; }
.contents .entry-title { font-size: 1rem; line-height: 1.3; }
.contents .entry-meta { font: 0.74rem/1.35 var(--sans); color: var(--ink-3); margin-top: 0.1rem; }

/* Groups and clips */
.group-title { font: 700 0.85rem/1.3 var(--sans); letter-spacing: 0.14em; text-transform: uppercase; color: var(--accent); margin: 3.5rem 0 0; padding: 0 0 0.5rem; border-bottom: 2px solid var(--ink); break-after: avoid; }
.clip { margin: 2.2rem 0 0; padding-bottom: 2.2rem; border-bottom: 1px solid var(--rule); }
.clip:last-child { border-bottom: 0; }
.clip-head { break-inside: avoid; break-after: avoid; }
.clip-kicker { display: flex; gap: 0.7rem; align-items: baseline; font: 600 0.74rem/1.3 var(--sans); letter-spacing: 0.08em; text-transform: uppercase; margin: 0 0 0.5rem; }
.clip-no { color: var(--ink-3); font-variant-numeric: tabular-nums; letter-spacing: 0.02em; }
.clip-outlet { color: var(--accent); }
.clip-title { font-size: 1.75rem; line-height: 1.18; font-weight: 700; letter-spacing: -0.01em; margin: 0 0 0.55rem; overflow-wrap: break-word; }
.clip-meta { font: 0.84rem/1.4 var(--sans); color: var(--ink-2); margin: 0 0 1.1rem; }
.clip-meta span + span::before { content: "·"; margin: 0 0.5em; color: var(--ink-3); }
.clip-standfirst { font-size: 1.12rem; line-height: 1.45; font-weight: 600; color: var(--ink-2); margin: 0 0 1.1rem; break-inside: avoid; }
.mode-standfirst .clip-standfirst, .mode-highlights .clip-standfirst { font-size: 1rem; font-weight: 400; color: var(--ink); }
.clip-lead { margin: 0; }
.clip-body { hyphens: auto; overflow-wrap: break-word; text-align: left; }
.clip-body p { margin: 0 0 0.8em; }
.clip-body h2, .clip-body h3, .clip-body h4, .clip-body h5, .clip-body h6 { font-size: 1.05rem; line-height: 1.3; margin: 1.4em 0 0.5em; break-after: avoid; }
.clip-body blockquote { margin: 1.1em 0; padding: 0 0 0 1.1em; border-left: 3px solid var(--rule); color: var(--ink-2); font-style: italic; }
.clip-body ul, .clip-body ol { padding-left: 1.4em; margin: 0 0 0.9em; }
.clip-body li { margin: 0 0 0.3em; }
.clip-body img { max-width: 100%; max-height: 110mm; height: auto; display: block; margin: 1em auto; break-inside: avoid; }
.clip-body figure { margin: 1.2em 0; break-inside: avoid; }
.clip-body figcaption { font: 0.78rem/1.4 var(--sans); color: var(--ink-3); margin-top: 0.4em; }
.clip-body pre { font-size: 0.78rem; white-space: pre-wrap; overflow-wrap: anywhere; background: var(--wash); padding: 0.7em 0.9em; }
.clip-body table { border-collapse: collapse; font: 0.8rem/1.35 var(--sans); margin: 1.1em 0; width: 100%; }
.clip-body th, .clip-body td { border-bottom: 1px solid var(--rule); padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
.clip-body tr { break-inside: avoid; }
.clip-body hr { border: 0; text-align: center; margin: 1.6em 0; }
.clip-body hr::after { content: "⁂"; color: var(--ink-3); }
.clip-highlights { list-style: none; margin: 0; padding: 0; }
.clip-highlights li { margin: 0 0 1em; padding: 0.1em 0 0.1em 1em; border-left: 4px solid var(--mark, #f2c94c); break-inside: avoid; }
.clip-highlights blockquote { margin: 0; font-size: 1.02rem; }
.clip-highlights .hl-note { margin: 0.35em 0 0; font: 0.82rem/1.4 var(--sans); color: var(--ink-2); }
.clip-highlights .hl-note::before { content: "Note: "; font-weight: 600; }
.clip-none { font: italic 0.9rem/1.4 var(--sans); color: var(--ink-3); margin: 0; }
.clip-source { font: 0.74rem/1.4 var(--sans); color: var(--ink-3); margin: 1.2rem 0 0; overflow-wrap: anywhere; }
.back { display: block; font: 0.74rem var(--sans); color: var(--ink-3); margin-top: 0.6rem; }
p, li, blockquote { orphans: 3; widows: 3; }

@media (max-width: 38rem) {
  body { font-size: 16px; }
  .title-page h1 { font-size: 2.1rem; }
  .clip-title { font-size: 1.45rem; }
}

@page {
  size: A4;
  margin: 22mm 21mm 22mm;
  @top-left { content: ${cssString(runningHead.title)}; font: 600 7.5pt/1 var(--sans); letter-spacing: 0.06em; text-transform: uppercase; color: #6d685f; vertical-align: bottom; padding-bottom: 5mm; }
  @top-right { content: ${cssString(runningHead.period ?? '')}; font: 7.5pt/1 var(--sans); color: #6d685f; vertical-align: bottom; padding-bottom: 5mm; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 8pt/1 var(--sans); color: #6d685f; vertical-align: top; padding-top: 6mm; }
}
/* The title page carries no running head and no number. */
@page cover {
  @top-left { content: none; }
  @top-right { content: none; }
  @bottom-center { content: none; }
}
@media print {
  html, body { background: #fff; }
  body { font-size: 10.5pt; line-height: 1.45; }
  .review { max-width: none; padding: 0; margin: 0; }
  a { text-decoration: none; }
  .title-page { page: cover; height: 247mm; min-height: 0; padding: 30mm 0 0; border-bottom: 0; break-after: page; }
  .title-page h1 { font-size: 30pt; }
  .title-period { font-size: 15pt; }
  .title-facts { font-size: 10pt; border-top: 1.5pt solid var(--ink); padding-top: 6mm; }
  .contents { margin: 0; break-after: page; }
  .contents .entry-title { font-size: 10.5pt; }
  .group-title { margin-top: 0; font-size: 8.5pt; }
  .clip { margin-top: 7mm; padding-bottom: 6mm; }
  .clip-title { font-size: 19pt; }
  .clip-standfirst { font-size: 11.5pt; }
  .mode-standfirst .clip-standfirst, .mode-highlights .clip-standfirst { font-size: 10.5pt; }
  .clip-body { text-align: justify; text-justify: inter-word; }
  .clip-body blockquote, .clip-body h2, .clip-body h3, .clip-body h4 { text-align: left; }
  .back { display: none; }
  /* Groups start on a fresh page; a full article starts on its own page too. */
  .mode-full .group + .group { break-before: page; }
  .group + .group .group-title { margin-top: 10mm; }
  .mode-full .group + .group .group-title { margin-top: 0; }
  .mode-full .clip + .clip { break-before: page; border-top: 0; }
  .mode-full .clip { border-bottom: 0; margin-top: 5mm; }
  .mode-full .group-title + .clip { margin-top: 7mm; }
  .mode-standfirst .clip { break-inside: avoid; }
}
`;
}
