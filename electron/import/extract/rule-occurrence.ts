/// <reference lib="dom" />
// Which of the extractor's literal tokens (rule-tokens.ts) a page shows: its class and id
// words, attribute values, meta keys, JSON-LD types, link paths and lines of text, each
// looked for the way its rule reads it. The extraction benchmark asks this of every page to
// find the tokens that only some sites show: rules fitted to those sites.
import { domToParagraphs } from './dom-text.ts';
import { nameWords } from './html-cleaning.ts';
import { TOKEN_TABLES, tokenKey, type TableName, type TokenKind } from './rule-tokens.ts';

/** What a page shows, by where a rule looks; each list holds distinct values. */
interface Haystacks {
  classWords: string;
  classTokens: string;
  classValues: string;
  idValues: string;
  attrs: Map<string, string>;
  metaKeys: string;
  ldTypes: string;
  scripts: string;
  hrefs: string;
  lines: string;
}

const join = (xs: Iterable<string>) => [...xs].join('\n');

function haystacks(document: Document): Haystacks {
  const words = new Set<string>();
  const tokens = new Set<string>();
  const classes = new Set<string>();
  const ids = new Set<string>();
  const attrs = new Map<string, Set<string>>();
  const metaKeys = new Set<string>();
  const hrefs = new Set<string>();
  const ldTypes = new Set<string>();
  const scripts: string[] = [];
  const attrNames = new Set(Object.values(TOKEN_TABLES).map((t) => t.attr).filter((a): a is string => !!a));
  for (const el of Array.from(document.querySelectorAll('*'))) {
    const cls = el.getAttribute('class') ?? '';
    const id = el.getAttribute('id') ?? '';
    if (cls || id) {
      for (const w of nameWords(`${cls} ${id}`)) words.add(w);
      for (const tok of `${cls} ${id}`.split(/\s+/)) if (tok) tokens.add(tok);
      if (cls) classes.add(cls);
      if (id) ids.add(id);
    }
    for (const a of attrNames) {
      const v = el.getAttribute(a);
      if (v == null) continue;
      let set = attrs.get(a);
      if (!set) attrs.set(a, (set = new Set()));
      set.add(v);
      // itemprop holds a list of names.
      for (const part of v.split(/\s+/)) if (part) set.add(part);
    }
    const tag = el.localName;
    if (tag === 'meta') {
      const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? el.getAttribute('http-equiv') ?? '').toLowerCase().trim();
      if (key) metaKeys.add(key);
    } else if (tag === 'a') {
      const href = el.getAttribute('href');
      if (href) hrefs.add(href);
    } else if (tag === 'script') {
      scripts.push(el.textContent ?? '');
      if (!/ld\+json/i.test(el.getAttribute('type') ?? '')) continue;
      for (const m of (el.textContent ?? '').matchAll(/"@type"\s*:\s*(?:"([^"]*)"|\[([^\]]*)\])/g)) {
        for (const ty of (m[1] ?? m[2] ?? '').split(',')) {
          const name = ty.trim().replace(/^"|"$/g, '').replace(/^.*[/#]/, '');
          if (name) ldTypes.add(name);
        }
      }
    }
  }
  const lines = new Set<string>();
  if (document.body) for (const p of domToParagraphs(document.body as Element).paragraphs) lines.add(p.trim());
  // The <title> and its segments: where a title's boilerplate segments are read.
  const title = (document.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (title) {
    lines.add(title);
    for (const seg of title.split(/\s+(?:[|\-–—·•»«/]|::)\s+|\s*[|·•»]\s*/)) if (seg.trim()) lines.add(seg.trim());
  }
  return {
    classWords: join(words), classTokens: join(tokens), classValues: join(classes), idValues: join(ids),
    attrs: new Map([...attrs].map(([k, v]) => [k, join(v)])), metaKeys: join(metaKeys), ldTypes: join(ldTypes), scripts: scripts.join('\n'), hrefs: join(hrefs), lines: join(lines),
  };
}

/** The pattern that finds a token of `kind` in its haystack (one value a line). */
function probe(kind: TokenKind, token: string): string {
  switch (kind) {
    case 'class-word': case 'class-token': case 'attr': case 'ld-type': return `^(?:${token})$`;
    // Numbered keys ("twitter:label1") are one key.
    case 'meta-key': return `^(?:${token})\\d*$`;
    case 'class-token-start': case 'line-start': return `^(?:${token})`;
    case 'class-bounded': return `(?:^|[-_])(?:${token})(?:$|[-_])`;
    case 'script-key': return `\\b(?:${token})\\b["']?\\s*:`;
    case 'line': return `^(?:${token})\\s*[:.…>»]*$`;
    default: return `(?:${token})`;
  }
}

function haystackOf(kind: TokenKind, h: Haystacks, attr: string | undefined): string[] {
  switch (kind) {
    case 'class-word': return [h.classWords];
    case 'class-token': case 'class-token-start': case 'class-bounded': return [h.classTokens];
    case 'class-part': return [h.classValues, h.idValues];
    case 'class-only-part': return [h.classValues];
    case 'id-part': return [h.idValues];
    case 'attr': case 'attr-part': return [h.attrs.get(attr ?? '') ?? ''];
    case 'meta-key': return [h.metaKeys];
    case 'ld-type': return [h.ldTypes];
    case 'script-key': return [h.scripts];
    case 'href-part': return [h.hrefs];
    default: return [h.lines];
  }
}

const probes = new Map<string, RegExp>();

function probeOf(table: TableName, token: string): RegExp {
  const key = tokenKey(table, token);
  let re = probes.get(key);
  if (!re) {
    const { kind, caseless } = TOKEN_TABLES[table];
    const source = probe(kind, token);
    const flags = `m${caseless ? 'i' : ''}`;
    try {
      re = new RegExp(source, `${flags}u`);
    } catch {
      re = new RegExp(source, flags);
    }
    probes.set(key, re);
  }
  return re;
}

/** The keys (tokenKey) of the literal tokens that `document` shows. */
export function tokensOnPage(document: Document): Set<string> {
  const h = haystacks(document);
  const found = new Set<string>();
  for (const table of Object.keys(TOKEN_TABLES) as TableName[]) {
    const { kind, attr, tokens } = TOKEN_TABLES[table];
    const hay = haystackOf(kind, h, attr).filter(Boolean);
    if (!hay.length) continue;
    for (const token of tokens) {
      const re = probeOf(table, token);
      if (hay.some((s) => re.test(s))) found.add(tokenKey(table, token));
    }
  }
  return found;
}
