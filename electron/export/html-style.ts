// The HTML export's one stylesheet, inline in the file (it loads nothing): a book-like
// reading column, a contents page, light and dark, and a print layout with one article a page.
export const EXPORT_CSS = `
:root {
  color-scheme: light dark;
  --serif: "Iowan Old Style", "Charter", "Bitstream Charter", "Source Serif 4", "Source Serif Pro", Georgia, "Times New Roman", serif;
  --sans: -apple-system, BlinkMacSystemFont, "Segoe UI", system-ui, "Helvetica Neue", Cantarell, "Noto Sans", Arial, sans-serif;
  --paper: #fdfcf9;
  --ink: #1f1d1a;
  --ink-2: #5b5750;
  --ink-3: #7a756c;
  --rule: #e4e0d8;
  --accent: #9b2c1f;
  --wash: #f4f1ea;
}
@media (prefers-color-scheme: dark) {
  :root {
    --paper: #1c1b19;
    --ink: #e9e5dc;
    --ink-2: #b3ada2;
    --ink-3: #948e83;
    --rule: #3a3733;
    --accent: #f08f7c;
    --wash: #262421;
  }
}
* { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 18px/1.6 var(--serif); font-kerning: normal; font-variant-ligatures: common-ligatures; text-rendering: optimizeLegibility; }
.page { max-width: 40rem; margin: 0 auto; padding: 4.5rem 1.5rem 6rem; }
a { color: inherit; text-decoration-color: color-mix(in srgb, currentColor 35%, transparent); text-underline-offset: 0.15em; }
a:hover { color: var(--accent); }
.kicker, .source, .record, .toc-meta, .cover-meta, .tags, .back { font-family: var(--sans); }
.kicker { font-size: 0.72rem; font-weight: 600; letter-spacing: 0.14em; text-transform: uppercase; color: var(--accent); margin: 0 0 0.9rem; }
.cover h1 { font-size: 2.5rem; line-height: 1.12; font-weight: 600; letter-spacing: -0.015em; margin: 0 0 0.8rem; }
.cover-meta { color: var(--ink-3); font-size: 0.85rem; margin: 0; }
.toc { margin: 3rem 0 4rem; border-top: 2px solid var(--ink); padding-top: 1rem; }
.toc h2 { font: 600 0.72rem var(--sans); letter-spacing: 0.14em; text-transform: uppercase; color: var(--ink-2); margin: 0 0 0.6rem; }
.toc ol { list-style: none; margin: 0; padding: 0; counter-reset: toc; }
.toc li { counter-increment: toc; border-bottom: 1px solid var(--rule); }
.toc a { display: grid; grid-template-columns: 2.2rem 1fr; column-gap: 0.4rem; padding: 0.55rem 0; text-decoration: none; }
.toc a::before { content: counter(toc); grid-row: span 2; font: 500 0.8rem/1.9 var(--sans); color: var(--ink-3); font-variant-numeric: tabular-nums; }
.toc-title { font-size: 1.02rem; line-height: 1.35; }
.toc-meta { font-size: 0.76rem; color: var(--ink-3); margin-top: 0.15rem; }
article { padding-top: 3.5rem; margin-top: 3.5rem; border-top: 1px solid var(--rule); }
article header { margin-bottom: 1.6rem; }
.source { font-size: 0.76rem; font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase; color: var(--accent); margin: 0 0 0.5rem; }
article h2 { font-size: 1.95rem; line-height: 1.18; font-weight: 600; letter-spacing: -0.01em; margin: 0 0 0.7rem; hyphens: manual; }
.byline { font-size: 0.95rem; color: var(--ink-2); margin: 0 0 1rem; font-style: italic; }
.standfirst { font-size: 1.16rem; line-height: 1.5; color: var(--ink-2); margin: 0; }
.star { color: var(--accent); font-style: normal; }
.body { hyphens: auto; overflow-wrap: break-word; }
.body p { margin: 0 0 1em; }
.body h2, .body h3, .body h4, .body h5, .body h6 { font-size: 1.12rem; line-height: 1.3; margin: 1.8em 0 0.6em; }
.body blockquote { margin: 1.4em 0; padding: 0 0 0 1.2em; border-left: 3px solid var(--rule); color: var(--ink-2); font-style: italic; }
.body img { max-width: 100%; height: auto; display: block; margin: 1.2em auto; }
.body figure { margin: 1.6em 0; }
.body figcaption, .captions li { font: 0.8rem/1.45 var(--sans); color: var(--ink-3); }
.body pre { font-size: 0.8rem; overflow-x: auto; background: var(--wash); padding: 0.8em 1em; border-radius: 4px; }
.body code { font-size: 0.88em; }
.body table { border-collapse: collapse; font: 0.85rem/1.4 var(--sans); margin: 1.4em 0; width: 100%; }
.body th, .body td { border-bottom: 1px solid var(--rule); padding: 0.4em 0.6em; text-align: left; vertical-align: top; }
.body hr { border: 0; text-align: center; margin: 2em 0; }
.body hr::after { content: "⁂"; color: var(--ink-3); }
.captions { margin: 1.8rem 0 0; }
.captions h3, .note h3 { font: 600 0.68rem var(--sans); letter-spacing: 0.14em; text-transform: uppercase; color: var(--ink-3); margin: 0 0 0.5rem; }
.captions ul { margin: 0; padding-left: 1.1rem; }
.note { margin: 2rem 0 0; padding: 1rem 1.2rem; background: var(--wash); border-left: 3px solid var(--accent); border-radius: 2px; }
.note p { margin: 0 0 0.6em; font-size: 0.98rem; }
.note p:last-child { margin-bottom: 0; }
.record { margin: 2rem 0 0; font-size: 0.76rem; color: var(--ink-3); }
.record dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 0.8rem; }
.record dt { font-weight: 600; color: var(--ink-2); }
.record dd { margin: 0; overflow-wrap: anywhere; }
.tags { display: flex; flex-wrap: wrap; gap: 0.35rem; margin: 0 0 0.9rem; padding: 0; list-style: none; }
.tags li { font-size: 0.72rem; padding: 0.05rem 0.55rem; border: 1px solid var(--rule); border-radius: 999px; color: var(--ink-2); }
.back { font-size: 0.76rem; color: var(--ink-3); }
@media (max-width: 38rem) {
  body { font-size: 17px; }
  .page { padding-top: 2.5rem; }
  .cover h1 { font-size: 2rem; }
  article h2 { font-size: 1.6rem; }
}
@media print {
  :root { --paper: #fff; --ink: #000; --ink-2: #333; --ink-3: #555; --rule: #ccc; --accent: #7a1f14; --wash: #f3f3f3; }
  body { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  .toc { break-after: page; }
  article { break-before: page; border-top: 0; padding-top: 0; margin-top: 0; }
  .back { display: none; }
  .body a[href]::after { content: " (" attr(href) ")"; font-size: 0.8em; color: var(--ink-3); overflow-wrap: anywhere; }
}
`;
