// From pdf.js's positioned text items to reading-order text. Items become lines (same
// baseline), lines split where a wide horizontal gap separates columns, segments stack
// into blocks (paragraphs), and blocks are ordered by recursive X-Y cuts (columns first,
// then top to bottom). Browser print headers and footers — print date and page title at
// the top, URL and "n/N" at the bottom of every page — are removed before layout.

/** [str, x, y, width, height, fontSize, rotated, hasEOL] as sent by the reader thread. */
export type PdfItem = [string, number, number, number, number, number, number, number];

export interface PdfPage {
  x0: number;
  y0: number;
  width: number;
  height: number;
  items: PdfItem[];
}

interface Segment {
  text: string;
  x0: number;
  x1: number;
  y: number; // baseline
  size: number;
}

interface Block {
  lines: Segment[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
}

const MAX_BLOCKS_FOR_CUTS = 3000;
// Scripts written without spaces between words: never insert one between two of these.
const CJK = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u3040-\u309f\uac00-\ud7af]/;

export function layoutPages(pages: PdfPage[], title: string | null): string {
  const segmentsPerPage = pages.map(pageSegments);
  removePrintChrome(segmentsPerPage, pages, title);
  return segmentsPerPage
    .map((segs) => orderBlocks(buildBlocks(segs)).map(blockText).filter((t) => t.trim()).join('\n\n'))
    .filter((t) => t.trim())
    .join('\n\n');
}

/** Items → baseline rows → segments split at column-sized gaps. */
export function pageSegments(page: PdfPage): Segment[] {
  const items = page.items
    .filter((it) => it[6] === 0 && it[0].length > 0 && Number.isFinite(it[1]) && Number.isFinite(it[2]))
    .map((it) => ({ str: it[0], x: it[1], y: it[2], w: Math.max(0, it[3]), size: Math.max(1, Math.abs(it[5]) || Math.abs(it[4]) || 10) }));
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: (typeof items)[] = [];
  let row: typeof items = [];
  let rowY = Number.NaN;
  for (const it of items) {
    if (row.length && Math.abs(it.y - rowY) <= Math.min(it.size, row[0].size) * 0.4) row.push(it);
    else {
      if (row.length) rows.push(row);
      row = [it];
      rowY = it.y;
    }
  }
  if (row.length) rows.push(row);

  const segments: Segment[] = [];
  for (const r of rows) {
    r.sort((a, b) => a.x - b.x);
    let seg: Segment | null = null;
    let lastEnd = 0;
    for (const it of r) {
      const gap = seg ? it.x - lastEnd : 0;
      if (seg && gap > Math.max(it.size, seg.size) * 1.5) {
        segments.push(seg);
        seg = null;
      }
      if (!seg) {
        seg = { text: it.str, x0: it.x, x1: it.x + it.w, y: it.y, size: it.size };
      } else {
        const needsSpace = gap > it.size * 0.15 && !/\s$/.test(seg.text) && !/^\s/.test(it.str) && !(CJK.test(seg.text.slice(-1)) && CJK.test(it.str[0]));
        seg.text += (needsSpace ? ' ' : '') + it.str;
        seg.x1 = Math.max(seg.x1, it.x + it.w);
        seg.size = Math.max(seg.size, it.size);
      }
      lastEnd = Math.max(lastEnd, it.x + it.w);
    }
    if (seg) segments.push(seg);
  }
  for (const s of segments) s.text = s.text.replace(/\s+/g, ' ').trim();
  return segments.filter((s) => s.text);
}

const PRINT_DATE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?$/;
const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}\s*(?:\/|of)\s*\d{1,4}$/i;
const URL_LINE = /^(?:https?|file|about|chrome):\S+$/i;

/** Drops the browser's print header/footer segments from the top and bottom margins. */
function removePrintChrome(perPage: Segment[][], pages: PdfPage[], title: string | null): void {
  const margin = (p: PdfPage, s: Segment) => s.y > p.y0 + p.height * 0.955 || s.y < p.y0 + p.height * 0.045;
  const key = (s: string) => s.replace(/\d+/g, '#').toLowerCase();
  const counts = new Map<string, number>();
  perPage.forEach((segs, i) => {
    const seen = new Set<string>();
    for (const s of segs) if (margin(pages[i], s)) seen.add(key(s.text));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const repeated = (s: Segment) => perPage.length >= 2 && (counts.get(key(s.text)) ?? 0) >= Math.max(2, perPage.length * 0.5);
  const cleanTitle = title?.replace(/\s+/g, ' ').trim().toLowerCase() ?? '';
  const isTitle = (s: Segment) => {
    const t = s.text.toLowerCase().replace(/…$/, '');
    return !!cleanTitle && t.length >= 4 && cleanTitle.startsWith(t);
  };
  perPage.forEach((segs, i) => {
    perPage[i] = segs.filter((s) => {
      if (!margin(pages[i], s)) return true;
      if (PRINT_DATE.test(s.text) || PAGE_NUMBER.test(s.text) || URL_LINE.test(s.text)) return false;
      return !(repeated(s) || isTitle(s));
    });
  });
}

/** Segments → blocks: a segment joins the block whose last line sits just above it. */
export function buildBlocks(segments: Segment[]): Block[] {
  const blocks: Block[] = [];
  const open: Block[] = [];
  for (const s of segments) {
    let target: Block | null = null;
    for (let i = open.length - 1; i >= 0; i--) {
      const b = open[i];
      const last = b.lines[b.lines.length - 1];
      const dy = last.y - s.y;
      if (dy > Math.max(last.size, s.size) * 1.9) {
        open.splice(i, 1); // too far above: this block is finished
        continue;
      }
      const sizeOk = Math.max(last.size, s.size) / Math.min(last.size, s.size) < 1.25;
      const overlap = Math.min(b.x1, s.x1) - Math.max(b.x0, s.x0);
      if (dy > 0 && sizeOk && overlap > 0 && (Math.abs(s.x0 - b.x0) < s.size * 3 || overlap > (s.x1 - s.x0) * 0.8)) {
        target = b;
        break;
      }
    }
    if (target) {
      target.lines.push(s);
      target.x0 = Math.min(target.x0, s.x0);
      target.x1 = Math.max(target.x1, s.x1);
      target.bottom = s.y - s.size * 0.25;
    } else {
      const b: Block = { lines: [s], x0: s.x0, x1: s.x1, top: s.y + s.size, bottom: s.y - s.size * 0.25, size: s.size };
      blocks.push(b);
      open.push(b);
      if (open.length > 64) open.shift();
    }
  }
  return blocks;
}

/** Reading order by recursive X-Y cut: split at vertical gutters, then at horizontal gaps. */
export function orderBlocks(blocks: Block[]): Block[] {
  if (blocks.length > MAX_BLOCKS_FOR_CUTS) return [...blocks].sort((a, b) => b.top - a.top || a.x0 - b.x0);
  const out: Block[] = [];
  const stack: Block[][] = [blocks];
  // Depth-first with an explicit stack (groups pushed in reverse to keep their order).
  while (stack.length) {
    const group = stack.pop()!;
    if (group.length <= 1) {
      out.push(...group);
      continue;
    }
    const cols = splitBy(group, (b) => [b.x0, b.x1], 2, false);
    if (cols.length > 1) {
      for (let i = cols.length - 1; i >= 0; i--) stack.push(cols[i]);
      continue;
    }
    const rows = splitBy(group, (b) => [b.bottom, b.top], 0, true);
    if (rows.length > 1) {
      for (let i = rows.length - 1; i >= 0; i--) stack.push(rows[i]);
      continue;
    }
    out.push(...[...group].sort((a, b) => b.top - a.top || a.x0 - b.x0));
  }
  return out;
}

/** Groups blocks whose [lo, hi] projections overlap; groups are separated by gaps > minGap. */
function splitBy(group: Block[], range: (b: Block) => [number, number], minGap: number, descending: boolean): Block[][] {
  const sorted = [...group].sort((a, b) => (descending ? range(b)[1] - range(a)[1] : range(a)[0] - range(b)[0]));
  const groups: Block[][] = [];
  let current: Block[] = [];
  let edge = 0;
  for (const b of sorted) {
    const [lo, hi] = range(b);
    if (!current.length) {
      current = [b];
      edge = descending ? lo : hi;
      continue;
    }
    const separated = descending ? hi < edge - minGap : lo > edge + minGap;
    if (separated) {
      groups.push(current);
      current = [b];
      edge = descending ? lo : hi;
    } else {
      current.push(b);
      edge = descending ? Math.min(edge, lo) : Math.max(edge, hi);
    }
  }
  if (current.length) groups.push(current);
  return groups;
}

/** A block's lines: wrapped lines (reaching the right edge) join with a space. */
function blockText(b: Block): string {
  const width = b.x1 - b.x0;
  let out = '';
  b.lines.forEach((l, i) => {
    if (i > 0) {
      const prev = b.lines[i - 1];
      const wrapped = width > 0 && b.x1 - prev.x1 < Math.max(width * 0.15, prev.size * 4);
      // A line broken after a hyphen ("semi-" / "automated") or inside CJK text joins tight.
      const tight = /\p{L}-$/u.test(out) || (CJK.test(out.slice(-1)) && CJK.test(l.text[0]));
      out += wrapped ? (tight ? '' : ' ') : '\n';
    }
    out += l.text;
  });
  return out;
}
