// Bylines → clean author names. Pages write "By Jane Doe and John Roe | Staff reporter",
// "Von Heike Buchter", "Par Jean Dupont, envoyé spécial", "Jane Doe, 20 September 2019";
// an archivist records "Jane Doe; John Roe", "Heike Buchter", "Jean Dupont".
import { findDates } from './dates.ts';

const MAX_INPUT = 300;

// Leading words that introduce a byline, in the languages Cuttings meets most.
const LEAD = /^(?:(?:(?:view |zeige )?(?:alle?s?|all|more|mehr)(?: (?:artikel|beitr[äa]ge|posts|articles|stories|texte))? (?:von|by|de)\s*:?\s+)|zur person\s*:?\s+|(?:written|posted|published|reported|reporting|text|words|story|photos?|interview|created|erstellt|verfasst|geschrieben|eingestellt|ein (?:artikel|beitrag|text|kommentar)|(?:blog[- ]?)?beitrag|artikel|kommentar|rezept|alle (?:artikel|beitr[äa]ge))\s+(?:by|von)\s*:?\s+|(?:eine?|a|an|une?|un|uma?) (?:kolumne|glosse|analyse|reportage|column|analysis|commentary|essay|opinion piece|chronique|tribune|columna|crónica|coluna|rubrica) (?:von|by|de|par|por|di)\s+|by\s*:?\s+|von\s*:?\s+|par\s*:?\s+|por\s*:?\s+|a cura di\s+|di\s+|door\s+|av\s+|af\s+|från\s+|от\s+|oleh\s*:?\s+|yazar\s*:?\s+|автор[ыа]?\s*:?\s*|text(?:\s*(?:&|und|and|\+)\s*fotos?)?\s*:\s*|texte\s*:\s*|texto\s*:\s*|testo\s*:\s*|autor(?:in|a|es|en|innen)?\s*:?\s+|auteurs?\s*:?\s+|autore\s*:?\s+|authors?\s*:?\s+|redaktion\s*:\s*|reda[cç]ci[oó]n\s*:\s*|escrito por\s+|publicado por\s+|interview\s*:\s*|fotos?\s*:\s*|photos?\s*:\s*|[~–—-]\s*)/i;

// Job titles and desk names that follow a name and are not names themselves.
const ROLE_WORDS = /(?<![\w-])(?:staff|reporter|writer|correspondent|editor|editorial|columnist|contributor|contributing|journalist|redakteur(?:in)?|korrespondent(?:in)?|redaktion|envoy[ée]e? sp[ée]ciale?|journaliste|rédact(?:eur|rice)|corresponsal|periodista|redactor[a]?|reda[cç][aã]o|giornalista|inviat[oa]|senior|chief|political|business|science|sports?|news desk|desk|team|bureau|photographer|fotograf|(?:projekt|presse|abteilungs|bereichs)?(?:leiter|sprecher)(?:in)?|contributor|guest|freelance|updated|aktualisiert|mis à jour|actualizado|published|veröffentlicht|publié|publicado)\b/i;

const AGENCY = /^(?:AFP|AP|dpa|Reuters|EFE|ANSA|APA|SDA|KNA|epd|Xinhua|TASS|ТАСС|РИА Новости|Interfax|Bloomberg|PA|AAP|Lusa|Europa Press|Agencia EFE|Associated Press|Agence France-Presse)$/i;

const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'ter', 'ten', 'zu', 'y', 'e', 'st.', "d'"]);

// Labels and words that appear where a byline would, but are not names.
const NOT_NAMES = /^(?:view|print|drucken|e-?mail|facebook|twitter|instagram|linkedin|whatsapp|xing|pinterest|telegram|rss|login|anmelden|no author|none|null|undefined|n\/a|datum|date|stand|uhr|phd|ph\.d\.?|md|msc|mba|dr\.?|prof\.?|mag\.?|dipl\.?|sagt|says|collectif|collective|posted|published|updated|by|von|par|author|authors|autor|autoren|auteur|auteurs|autores|redaktion|share|teilen|follow|more|mehr|comments?|kommentare?|admin|administrator|anonymous|unknown|guest|home|news|staff|editor|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|text|foto|photo|interview|quelle|source)$/i;

// A desk signing as a whole ("Redaktion", "Rédaction"): what the page shows as its byline
// and what an archivist records, but only when it stands alone, never after a name.
const DESK = /^(?:(?:die |la |le )?redaktion|r[ée]daction|redacci[óo]n|redazione|reda[cç][ãa]o|redactie|newsroom)$/i;

// A user handle as blogs and forums sign ("jesusfreak", "Herr_Rein", "delta201"): accepted
// only where the evidence says it is the author (structured data, or after "By"/"von").
const HANDLE = /^[\p{L}\d][\p{L}\d._-]{0,30}$/u;

/**
 * Does this string look like one person's (or agency's) name? With `handleOk`, a single
 * user handle counts too; with `lowerOk`, a name written in lower case.
 */
export function looksLikeName(s: string, handleOk = false, lowerOk = false): boolean {
  if (!s || s.length > 60 || s.length < 2) return false;
  if (NOT_NAMES.test(s)) return false;
  if (AGENCY.test(s)) return true;
  if (handleOk && HANDLE.test(s) && !/^\d+$/.test(s) && !/^(?:www|https?)\b/i.test(s)) return true;
  // Trusted evidence may write a name in lower case ("Mobasir hassan").
  if (lowerOk && /^\p{Lu}[\p{L}'’.-]*(?: [\p{L}][\p{L}'’.-]*){1,3}$/u.test(s)) return true;
  if (/[\d@/\\<>{}[\]=_|#]|https?:|www\./i.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 5) return false;
  let capitals = 0;
  for (const w of words) {
    if (PARTICLES.has(w.toLowerCase())) continue;
    if (/^[\p{Lu}]/u.test(w) || /^\p{Lo}/u.test(w)) capitals++;
    else if (/^\p{Ll}/u.test(w)) return false;
  }
  return capitals >= 1;
}

function stripNoise(s: string): string {
  let t = s.replace(/\s+/g, ' ').trim();
  // "Datum: 19.11.2021 Autor: Fritz Imhof Quelle: Livenet": the labelled field, alone.
  const labelled = /(?:^|\s)(?:autor(?:in|en)?|authors?|auteurs?|autore|verfasser(?:in)?|escrito por|written by)\s*:\s*(\S.*)$/i.exec(t);
  if (labelled && labelled.index > 0) t = labelled[1].replace(/\s(?:quelle|source|fuente|fonte|foto|fotos|photo|bild|datum|date|fecha|data|kategorie|category|rubrik|tags?)\s*:.*$/i, '');
  // Cut at the first date: "Jane Doe, 20 September 2019" / "Jane Doe | 24.11.2021".
  const d = findDates(t)[0];
  // "Posted on September 21, 2020 by Adi Tzlil": the name follows the date.
  const after = d ? /^[\s,|–—-]*((?:by|von|par|por|di|door)\s+\S.*)$/i.exec(t.slice(d.end)) : null;
  if (after) t = after[1];
  else if (d && d.index > 0) t = t.slice(0, d.index);
  else if (d && d.index === 0) t = t.slice(d.end);
  // "… am", "… on", "… le" left dangling before a cut-off date.
  for (let i = 0; i < 3; i++) t = t.replace(/[\s,|/–—-]+(?:am|on|le|el|il|em|den|vom|du|del|at|um|published|updated|veröffentlicht|publié|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|mon|tue|wed|thu|fri|sat|sun)?\s*$/i, '');
  // Cut at e-mail addresses, handles, and anything after a bar or bullet.
  t = t.replace(/\S+@\S+/g, ' ').replace(/(^|\s)@\w+/g, ' ').trim();
  t = t.split(/\s[|•·]\s|\s[|•·]|[|•·]\s|\n/)[0];
  // A spaced dash after the names starts a team, a role or a place ("Kiran C Nair - Chrome
  // Safe Browsing team", "Jane Doe – Berlin"); a dash at the very start is a lead.
  t = t.split(/(?<=\S)\s[-–—]\s/)[0];
  // WordPress and Blogger meta lines go on into the category: "Posted by Jane under News",
  // "von Brigitte in Allgemein" (not after a comma: "Jane Doe, head of the office in Tunis").
  t = t.replace(/\s(?:filed under|under|unter)(?:\s+\S.*)?$/i, '');
  t = t.replace(/^([^,]*?)\s(?:in|im|dans)(?:\s+(?!gespr[äa]ch|conversation|conversaci[óo]n|conversazione)\S.*)?$/i, '$1');
  // Profile-box furniture after the name: "Jane Doe Alle Artikel", "Jane Doe Follow …".
  t = t.replace(/\s(?:alle (?:artikel|beitr[äa]ge|texte)|all (?:posts|articles|stories)|more (?:from|by|articles)|mehr (?:von|zum autor|artikel)|zur person|follow|folgen|kategorien?:|categories?:|shares?\b|sagt:|says:|tags?:|schlagw[öo]rter:|eingetragen bei|filed under|ver[öo]ffentlicht|published|posted|updated|aktualisiert).*$/i, '');
  t = t.replace(/\((?:[^()]{0,60})\)/g, ' '); // "(AFP)", "(@handle)"
  return t.replace(/\s+/g, ' ').trim();
}

function stripLead(s: string): string {
  let t = s;
  for (let i = 0; i < 2; i++) t = t.replace(LEAD, '').trim();
  return t.replace(/^[\s:,;–—-]+|[\s:,;–—.→›»>-]+$/g, '').trim();
}

export interface BylineOptions {
  /** The string is known to name the author (JSON-LD, meta author): handles are accepted. */
  trusted?: boolean;
}

/**
 * Clean a raw byline into names joined with "; ", or null when nothing name-like is left.
 * Splits on "and"/"und"/"et"/"y"/"e"/"&"/","/";" and drops job titles.
 */
export function cleanByline(raw: string | null | undefined, opts: BylineOptions = {}): string | null {
  if (!raw) return null;
  const noisy = stripNoise(raw.slice(0, MAX_INPUT));
  let s = stripLead(noisy);
  if (!s) return null;
  // "von gizzmo", "By oradmin": the lead word vouches for a handle that follows it.
  const handleOk = opts.trusted === true || s !== noisy.replace(/^[\s:,;–—-]+|[\s:,;–—.-]+$/g, '').trim();
  if (DESK.test(s)) return s;
  // A label left alone ("Geschrieben von", "Artikel von"): the name was elsewhere.
  if (/^(?:geschrieben|verfasst|erstellt|artikel|beitrag|ein artikel|written|posted|published|article|publi[ée]|escrito|publicado)(?:\s+(?:von|by|par|por))?$/i.test(s)) return null;
  // A profile box's display name run into the full name: "Stefanus Stefanus Stahl".
  s = s.replace(/^(\p{Lu}[\p{L}'’-]+) (?=(\p{Lu}[\p{L}'’-]+) \p{Lu})/u, (m, a: string, b: string) => (a.toLowerCase() === b.toLowerCase() ? '' : m));
  const parts = s
    .split(/\s*(?:;|,|&|\/|\s+(?:and|und|et|y|e|en|och|og|и|i|im gespr[äa]ch mit|in conversation with|en conversation avec|en conversaci[óo]n con|in conversazione con)\s+)\s*/i)
    .map((p) => stripLead(p))
    .filter(Boolean);
  const names: string[] = [];
  for (const p of parts) {
    if (ROLE_WORDS.test(p)) {
      // "Jane Doe Staff Reporter": keep the name words before the role, if any.
      const cut = p.slice(0, p.search(ROLE_WORDS)).trim();
      if (cut && looksLikeName(cut) && !names.includes(cut)) names.push(cut);
      continue;
    }
    if (looksLikeName(p, handleOk && parts.length === 1, opts.trusted === true)) {
      if (!names.includes(p)) names.push(p);
    } else if (!opts.trusted && (p.match(/(?:^|\s)\p{Ll}{4,}/gu) ?? []).length >= 2) {
      // A clause among the "names" ("Von Sprachregeln, Gender-Politik und «ganz normalem
      // Deutsch»") means the line was a sentence or a headline, not a byline.
      return null;
    }
  }
  return names.length ? names.join('; ') : null;
}
