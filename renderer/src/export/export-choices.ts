// What the Export dialog offers: which clips, and the formats with what each is for.
import type { ExportFormat } from '../../../electron/api.ts';

export type ExportScope = 'selection' | 'results' | 'all';

export interface FormatChoice {
  format: ExportFormat;
  label: string;
  /** One line: what it is for. */
  purpose: string;
}

export const FORMAT_CHOICES: FormatChoice[] = [
  { format: 'json', label: 'JSON — re-importable backup', purpose: 'Every field, tag, star, note and highlight; import it into Cuttings to restore the clips or move them to another library.' },
  { format: 'markdown', label: 'Markdown folder', purpose: 'One note per clip with its details as YAML front matter, for Obsidian and other Markdown apps.' },
  { format: 'html', label: 'HTML document', purpose: 'One self-contained page with a table of contents, to read, print or send.' },
  { format: 'highlights', label: 'Highlights — one Markdown document', purpose: 'Every highlighted passage of the clips as a quote, with its note and a link back to the article.' },
  { format: 'csv', label: 'CSV spreadsheet', purpose: 'One row per clip (title, source, author, dates, tags, note) for Excel, Numbers or LibreOffice.' },
  { format: 'ris', label: 'RIS — for Zotero, EndNote, Mendeley', purpose: 'Newspaper articles with headline, publication, authors, date, link and access date (the day saved).' },
  { format: 'bibtex', label: 'BibTeX — for LaTeX and Zotero', purpose: 'biblatex @article entries marked as newspaper articles, with citation keys, for Better BibTeX and LaTeX.' },
  { format: 'csl-json', label: 'CSL-JSON — for Zotero and Pandoc', purpose: 'The citation data itself, as citation processors and Zotero read it.' },
];

export const FORMAT_NAMES: Record<ExportFormat, string> = { json: 'JSON', markdown: 'Markdown', html: 'HTML', csv: 'CSV', 'csl-json': 'CSL-JSON', ris: 'RIS', bibtex: 'BibTeX', highlights: 'Highlights' };

const FORMAT_KEY = 'cuttings.exportFormat';

/** The format chosen last time (the dialog opens on it). */
export function rememberedFormat(): ExportFormat {
  try {
    const v = localStorage.getItem(FORMAT_KEY);
    if (FORMAT_CHOICES.some((c) => c.format === v)) return v as ExportFormat;
  } catch {
    /* storage unavailable */
  }
  return 'json';
}

export function rememberFormat(format: ExportFormat): void {
  try {
    localStorage.setItem(FORMAT_KEY, format);
  } catch {
    /* storage unavailable */
  }
}
