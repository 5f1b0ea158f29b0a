// The press review as a Word document (the `docx` library): the same title page, contents
// (linked to a bookmark per clip, numbered as in the HTML and PDF) and clips as review-html.ts,
// in named paragraph styles a press office can restyle, with a running head and "Page N of M"
// from Word's own fields. Headings keep with their text, lines of a paragraph stay together
// across pages, and a full article starts on a new page.
import {
  AlignmentType, Bookmark, LineRuleType, BorderStyle, Document, ExternalHyperlink, Footer, Header, HeadingLevel, InternalHyperlink, Packer,
  PageNumber, Paragraph, TabStopType, TextRun, type ISectionOptions, type Table,
} from 'docx';
import { humanDate } from './human-dates.ts';
import type { ReviewClip } from './review-clips.ts';
import { bylineOf, CONTENT_WORDS, entryMeta, GROUPING_WORDS, plural, type ReviewDocument } from './review-document.ts';
import { BODY_STYLES, bodyParagraphs } from './review-docx-body.ts';

// Faces every Word and LibreOffice installation has or substitutes metrically (Georgia; Arial ↔ Liberation Sans).
const SERIF = 'Georgia';
const SANS = 'Arial';
const INK = '1B1A18';
const GREY = '6D685F';
const ACCENT = '8C1D12';
// Twips: A4 with the margins of the PDF (22 mm ≈ 1247, 21 mm ≈ 1191).
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1247, bottom: 1247, left: 1191, right: 1191, header: 624, footer: 624 };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const HL_COLOURS: Record<string, string> = { yellow: 'F2C94C', green: '6FCF97', blue: '56A3E8', pink: 'F08FB8', red: 'EB6B5B', orange: 'F2994A', purple: 'A98BE6' };

const S = { kicker: 'ReviewKicker', title: 'Title', period: 'ReviewPeriod', fact: 'ReviewFact', contents: 'ReviewContentsEntry', entryMeta: 'ReviewContentsMeta', group: 'Heading1', clipTitle: 'Heading2', clipKicker: 'ReviewClipKicker', clipMeta: 'ReviewClipMeta', standfirst: 'ReviewStandfirst', source: 'ReviewSource', none: 'ReviewNone', note: 'ReviewNote' } as const;

/** Word bookmark names: a letter first, then letters, digits and underscores, at most 40. */
const bookmarkOf = (anchor: string) => `c_${anchor.replace(/^clip-/, '').replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 40);
const groupBookmark = (anchor: string) => anchor.replace(/[^A-Za-z0-9]/g, '_');

function styles() {
  const para = (id: string, name: string, run: Record<string, unknown>, paragraph: Record<string, unknown>, basedOn = 'Normal') => ({ id, name, basedOn, next: 'Normal', quickFormat: true, run, paragraph });
  return {
    default: {
      document: { run: { font: SERIF, size: 21, color: INK }, paragraph: { spacing: { after: 120, line: 288, lineRule: LineRuleType.AUTO } } },
      title: { run: { font: SERIF, size: 60, bold: true, color: INK }, paragraph: { spacing: { before: 0, after: 240, line: 240, lineRule: LineRuleType.AUTO } } },
      heading1: { run: { font: SANS, size: 17, bold: true, allCaps: true, color: ACCENT, characterSpacing: 30 }, paragraph: { keepNext: true, keepLines: true, spacing: { before: 240, after: 240 }, border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: INK, space: 4 } } } },
      heading2: { run: { font: SERIF, size: 36, bold: true, color: INK }, paragraph: { keepNext: true, keepLines: true, spacing: { before: 60, after: 100, line: 264, lineRule: LineRuleType.AUTO } } },
    },
    paragraphStyles: [
      para(S.kicker, 'Review Kicker', { font: SANS, size: 16, bold: true, allCaps: true, color: ACCENT, characterSpacing: 40 }, { spacing: { before: 2400, after: 280 } }),
      para(S.period, 'Review Period', { font: SERIF, size: 30, italics: true, color: '4A4741' }, { spacing: { after: 2400 } }),
      para(S.fact, 'Review Fact', { font: SANS, size: 19 }, { spacing: { after: 80 }, tabStops: [{ type: TabStopType.LEFT, position: 2000 }] }),
      para(S.contents, 'Review Contents Entry', { font: SERIF, size: 21 }, { keepLines: true, keepNext: true, spacing: { before: 80, after: 0 }, indent: { left: 567, hanging: 567 } }),
      para(S.entryMeta, 'Review Contents Meta', { font: SANS, size: 15, color: GREY }, { keepLines: true, spacing: { after: 60 }, indent: { left: 567 }, border: { bottom: { style: BorderStyle.SINGLE, size: 2, color: 'D9D4CA', space: 3 } } }),
      para(S.clipKicker, 'Review Clip Kicker', { font: SANS, size: 15, bold: true, allCaps: true, color: ACCENT, characterSpacing: 16 }, { keepNext: true, keepLines: true, spacing: { before: 360, after: 80 } }),
      para(S.clipMeta, 'Review Clip Meta', { font: SANS, size: 17, color: '4A4741' }, { keepNext: true, spacing: { after: 200 } }),
      para(S.standfirst, 'Review Standfirst', { font: SERIF, size: 23, bold: true, color: '4A4741' }, { keepLines: true, spacing: { after: 200, line: 300, lineRule: LineRuleType.AUTO } }),
      para(BODY_STYLES.text, 'Review Body', { font: SERIF, size: 21 }, { alignment: AlignmentType.JUSTIFIED, spacing: { after: 140, line: 300, lineRule: LineRuleType.AUTO }, widowControl: true }),
      para(BODY_STYLES.heading, 'Review Body Heading', { font: SERIF, size: 22, bold: true }, { keepNext: true, keepLines: true, spacing: { before: 240, after: 100 } }),
      para(BODY_STYLES.quote, 'Review Quote', { font: SERIF, size: 21, italics: true, color: '4A4741' }, { indent: { left: 454 }, spacing: { after: 140, line: 300, lineRule: LineRuleType.AUTO }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'D9D4CA', space: 10 } } }),
      para(BODY_STYLES.list, 'Review List', { font: SERIF, size: 21 }, { indent: { left: 454, hanging: 284 }, spacing: { after: 80, line: 300, lineRule: LineRuleType.AUTO }, tabStops: [{ type: TabStopType.LEFT, position: 454 }] }),
      para(BODY_STYLES.code, 'Review Code', { font: 'Courier New', size: 16 }, { spacing: { after: 140 }, shading: { fill: 'F5F2EC' } }),
      para(BODY_STYLES.caption, 'Review Caption', { font: SANS, size: 16, color: GREY }, { spacing: { after: 80 } }),
      para(S.source, 'Review Source', { font: SANS, size: 15, color: GREY }, { spacing: { before: 200, after: 0 } }),
      para(S.none, 'Review Empty', { font: SANS, size: 18, italics: true, color: GREY }, {}),
      para(S.note, 'Review Highlight Note', { font: SANS, size: 17, color: '4A4741' }, { indent: { left: 340 }, spacing: { after: 200 } }),
    ],
  };
}

function titlePage(d: ReviewDocument): Paragraph[] {
  const facts: [string, string][] = [];
  if (d.period) facts.push(['Period', d.period + (d.undated ? ` (and ${plural(d.undated, 'undated clip')})` : '')]);
  if (d.compiledBy) facts.push(['Compiled by', d.compiledBy]);
  facts.push(['Compiled on', d.compiledOn]);
  facts.push(['Clippings', `${d.clipCount.toLocaleString('en-GB')} · ${GROUPING_WORDS[d.grouping].toLowerCase()} · ${CONTENT_WORDS[d.content].toLowerCase()}`]);
  return [
    new Paragraph({ style: S.kicker, text: 'Press review' }),
    new Paragraph({ heading: HeadingLevel.TITLE, text: d.title }),
    ...(d.period ? [new Paragraph({ style: S.period, text: d.period })] : [new Paragraph({ style: S.period, text: '' })]),
    ...facts.map(([k, v], i) => new Paragraph({
      style: S.fact,
      border: i === 0 ? { top: { style: BorderStyle.SINGLE, size: 12, color: INK, space: 8 } } : undefined,
      children: [new TextRun({ text: k.toUpperCase(), color: GREY, size: 15, characterSpacing: 16 }), new TextRun({ text: `\t${v}` })],
    })),
  ];
}

function contents(d: ReviewDocument): Paragraph[] {
  const out: Paragraph[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Contents' })];
  for (const g of d.groups) {
    out.push(new Paragraph({
      style: S.clipKicker,
      spacing: { before: 240, after: 40 },
      children: [new InternalHyperlink({ anchor: groupBookmark(g.anchor), children: [new TextRun(g.label)] }), new TextRun({ text: `  · ${g.clips.length}`, color: GREY })],
    }));
    for (const c of g.clips) {
      out.push(new Paragraph({
        style: S.contents,
        children: [new TextRun({ text: `${d.numbers.get(c.anchor)}\t`, font: SANS, size: 16, color: GREY }), new InternalHyperlink({ anchor: bookmarkOf(c.anchor), children: [new TextRun(c.title)] })],
        tabStops: [{ type: TabStopType.LEFT, position: 567 }],
      }));
      const meta = entryMeta(c);
      out.push(new Paragraph({ style: S.entryMeta, text: meta || ' ' }));
    }
  }
  return out;
}

function highlightParagraphs(c: ReviewClip): Paragraph[] {
  if (!c.highlights?.length) return [new Paragraph({ style: S.none, text: 'No passages of this clip are highlighted.' })];
  return c.highlights.flatMap((h) => {
    const colour = HL_COLOURS[h.colour.toLowerCase()] ?? (/^#?[0-9a-f]{6}$/i.test(h.colour) ? h.colour.replace('#', '').toUpperCase() : HL_COLOURS.yellow);
    const quote = new Paragraph({
      style: BODY_STYLES.quote,
      keepLines: true,
      border: { left: { style: BorderStyle.SINGLE, size: 24, color: colour, space: 10 } },
      children: [new TextRun({ text: h.quote, italics: false })],
    });
    return h.note?.trim() ? [quote, new Paragraph({ style: S.note, children: [new TextRun({ text: 'Note: ', bold: true }), new TextRun(h.note.trim())] })] : [quote];
  });
}

function clipParagraphs(c: ReviewClip, d: ReviewDocument, firstInGroup: boolean): (Paragraph | Table)[] {
  const meta = [bylineOf(c.author), humanDate(c.publishedAt)].filter(Boolean).join('  ·  ');
  const out: (Paragraph | Table)[] = [
    new Paragraph({
      style: S.clipKicker,
      // A full article starts on a page of its own (the first of a group follows its heading).
      pageBreakBefore: d.content === 'full' && !firstInGroup,
      children: [new TextRun({ text: `No. ${d.numbers.get(c.anchor)}`, color: GREY }), ...(c.source ? [new TextRun({ text: `    ${c.source}` })] : [])],
    }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new Bookmark({ id: bookmarkOf(c.anchor), children: [new TextRun(c.title)] })] }),
  ];
  if (meta) out.push(new Paragraph({ style: S.clipMeta, text: meta }));
  // Above a full article the standfirst is its bold lead; in a review of standfirsts it is the text itself.
  if (c.standfirst) out.push(new Paragraph({ style: d.content === 'full' ? S.standfirst : BODY_STYLES.text, text: c.standfirst }));
  if (d.content === 'full') out.push(...bodyParagraphs(c.bodyHtml ?? '', c.url));
  else if (d.content === 'standfirst' && !c.standfirst) out.push(new Paragraph(c.lead ? { style: BODY_STYLES.text, text: c.lead } : { style: S.none, text: 'This clip has no text.' }));
  else if (d.content === 'highlights') out.push(...highlightParagraphs(c));
  if (c.url) out.push(new Paragraph({ style: S.source, children: [new TextRun('Source: '), new ExternalHyperlink({ link: c.url, children: [new TextRun({ text: c.url, color: GREY })] })] }));
  return out;
}

function runningHead(d: ReviewDocument): Header {
  return new Header({
    children: [new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 2, color: 'D9D4CA', space: 4 } },
      children: [new TextRun({ text: d.title.toUpperCase(), font: SANS, size: 14, bold: true, color: GREY, characterSpacing: 10 }), new TextRun({ text: `\t${d.period ?? ''}`, font: SANS, size: 14, color: GREY })],
    })],
  });
}

const pageNumbers = () => new Footer({
  children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: SANS, size: 16, color: GREY, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })] })],
});

/**
 * The .docx bytes. `onClip` is called after each clip's paragraphs are made (progress, and a
 * chance to stop by throwing); the event loop gets a turn every few clips.
 */
export async function reviewDocx(d: ReviewDocument, onClip: (done: number) => Promise<void> | void): Promise<Uint8Array> {
  const body: (Paragraph | Table)[] = [...contents(d)];
  let done = 0;
  for (const [gi, g] of d.groups.entries()) {
    // The clips start on a page after the contents; with full articles, each group on a page of its own.
    const pageBreakBefore = gi === 0 || d.content === 'full';
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore, children: [new Bookmark({ id: groupBookmark(g.anchor), children: [new TextRun(g.label)] })] }));
    for (let i = 0; i < g.clips.length; i++) {
      body.push(...clipParagraphs(g.clips[i], d, i === 0));
      await onClip(++done);
    }
  }
  const page = { size: A4, margin: MARGIN };
  const sections: ISectionOptions[] = [
    // The title page: a section of its own, without running head or number.
    { properties: { page }, children: titlePage(d) },
    { properties: { page }, headers: { default: runningHead(d) }, footers: { default: pageNumbers() }, children: body },
  ];
  const doc = new Document({
    creator: d.compiledBy ?? 'Cuttings',
    title: d.period ? `${d.title} · ${d.period}` : d.title,
    description: `Press review of ${plural(d.clipCount, 'clipping')}`,
    styles: styles(),
    sections,
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
