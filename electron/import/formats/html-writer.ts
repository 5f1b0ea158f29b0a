// Writing the HTML that document readers (docx, odt, epub, md) hand to the extractor: a
// plain page with <title>, <meta name> pairs (so the extractor reads them as it reads a
// saved page's) and the body. Everything taken from the file is escaped here.

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Only web and mail links survive into generated markup. */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  const h = href.trim();
  return /^(?:https?:|mailto:)/i.test(h) && h.length < 4096 ? h : null;
}

export function htmlDocument(opts: { title?: string | null; lang?: string | null; metas?: [string, string][]; body: string }): string {
  const head: string[] = ['<meta charset="utf-8">'];
  if (opts.title) head.push(`<title>${escapeHtml(opts.title)}</title>`);
  for (const [name, content] of opts.metas ?? []) {
    if (name && content) head.push(`<meta name="${escapeHtml(name)}" content="${escapeHtml(content)}">`);
  }
  const lang = opts.lang && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(opts.lang) ? ` lang="${opts.lang}"` : '';
  return `<!DOCTYPE html>\n<html${lang}><head>${head.join('')}</head>\n<body>\n${opts.body}\n</body></html>\n`;
}
