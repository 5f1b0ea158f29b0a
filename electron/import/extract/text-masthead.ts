// The outlet of a page saved as text, from the lines above its headline. A browser's "save
// as text" keeps the site's header: a host name ("To guardian.ng", "From example.com", a
// link back to the site), or the masthead itself, the outlet's name on a line of its own
// ("The Eastern Observer", "Market Hall News — a community newsletter"). A menu or a
// section label can stand there too, so a name counts as the masthead only when the
// article follows right under it, or when the page names the outlet again further down
// (a copyright line, a byline, a footer).
import type { Kind } from './text-article.ts';
import type { TextPara } from './text-lines.ts';

/** Paragraphs of the site header read for a host name or a masthead. */
const HEADER_PARAS = 12;
/** A masthead is among the first lines of the file... */
const MASTHEAD_PARAS = 3;
/** ...and, unless the page names it again, the headline comes within this many paragraphs. */
const CLOSE_HEADLINE = 6;

// A host name: labels and a top-level domain of letters.
const HOST = /(?<![@\w.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,4}[a-z]{2,24})(?![\w-]*@)(?![\w.-])/i;
// Top-level domains a host name written in running text is trusted with; after "To" or
// "From" any will do ("To harbourgazette.example").
const KNOWN_TLD = /\.(?:com|org|net|info|news|co|io|de|fr|es|it|pt|br|ru|uk|ng|in|au|ca|ch|at|nl|be|pl|se|no|dk|fi|cz|hu|ro|gr|tr|jp|kr|cn|tw|hk|sg|za|ke|mx|ar|cl|pe|ve|us|eu|ie|nz|ua|by|kz|il|ae|sa|eg|pk|bd|lk|vn|th|id|my|ph|tv|fm|me|online|media|press|blog)$/i;
// "To guardian.ng", "From example.com", "Saved from example.com", "Source: example.com".
const ADDRESSED = /^(?:to|from|saved from|source|quelle|via)\s*:?\s+(\S+)\s*$/i;

/** The host name the site header shows, if any: "guardian.ng". */
export function hostInHeader(paras: TextPara[], limit: number): string | null {
  for (let i = 0; i < Math.min(limit, HEADER_PARAS, paras.length); i++) {
    // An embedded frame's address names a tracker, not the site.
    const t = paras[i].text.replace(/\b(?:IFRAME|EMBED|SCRIPT):\s*\S+/g, ' ');
    const addressed = ADDRESSED.exec(t);
    if (addressed) {
      const m = HOST.exec(addressed[1]);
      if (m && m[1].length === addressed[1].replace(/\/+$/, '').replace(/^https?:\/\//i, '').length) return bareHost(m[1]);
    }
    const m = HOST.exec(t.slice(0, 200));
    // (Not a host with a path after it: a link to some other page.)
    if (m && KNOWN_TLD.test(m[1]) && /[a-z]/i.test(m[1].split('.')[0]) && t.charAt((m.index ?? 0) + m[0].length) !== '/') return bareHost(m[1]);
  }
  return null;
}

function bareHost(h: string): string {
  let host = h.toLowerCase().replace(/^www\d?\./, '');
  // The same name twice, run together by the text browser: "example.deexample.de".
  const half = host.length / 2;
  if (Number.isInteger(half) && host.slice(0, half) === host.slice(half)) host = host.slice(0, half);
  return host;
}

// Words of the page's furniture (buttons, menus, notices), never of an outlet's name.
const FURNITURE = /(?:^|\s)(?:home|menu|men[üu]|search|suche|recherche|buscar|login|log|sign|register|anmelden|skip|startseite|accueil|inicio|saved|gespeichert|advertis\w*|anzeige|werbung|subscribe|abonnieren|learn|watch|listen|read|more|mehr|now|jetzt|share|teilen|follow|download|close|open|cookies?|disclosure|privacy|datenschutz)(?=\s|$)/i;
// Small words a title-case name keeps in lower case.
const SMALL = /^(?:the|of|and|for|de|del|la|le|les|der|die|das|und|von|du|des|di|da|do|dos|el|en|y|et|a|an|on|in|am|im)$/i;

/** "Market Hall News — a community newsletter" → "Market Hall News"; null when not a name. */
function mastheadName(line: string): string | null {
  const name = line.split(/\s+[—–|:]\s+|\s+-\s+/)[0].trim();
  if (name.length < 3 || name.length > 60 || /\d|[.!?,;]$|https?:|@/.test(name) || FURNITURE.test(name)) return null;
  const words = name.split(/\s+/);
  if (words.length > 6) return null;
  // Every word capitalised, but for the small words of a name.
  if (!words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && SMALL.test(w)))) return null;
  return name;
}

/**
 * The outlet's name printed as the page's masthead, or null: one of the first lines of the
 * file, above the headline (paragraph `headline`), a capitalised name and not a menu item.
 */
export function mastheadIn(paras: TextPara[], kinds: Kind[], headline: number): string | null {
  if (headline < 0) return null;
  for (let i = 0; i < Math.min(MASTHEAD_PARAS, headline); i++) {
    const p = paras[i];
    if (p.bullet || kinds[i] === 'date' || kinds[i] === 'byline' || kinds[i] === 'stop') continue;
    const name = mastheadName(p.text);
    if (!name) continue;
    if (headline <= CLOSE_HEADLINE || namedAgain(paras, i, name)) return name;
  }
  return null;
}

/** Does the page name `name` again after paragraph `at` (a copyright line, a byline, a footer)? */
function namedAgain(paras: TextPara[], at: number, name: string): boolean {
  if (name.split(/\s+/).length < 2) return false;
  const want = name.toLowerCase();
  for (let i = at + 1; i < paras.length; i++) if (paras[i].text.length < 300 && paras[i].text.toLowerCase().includes(want)) return true;
  return false;
}
