// The end of an article is where pages put their furniture inside the article's own
// container: "More on this topic", "About the author", "Sources", app and newsletter
// pitches, "Follow us on…", copyright lines, "Was this article useful?". Readability keeps
// them because they sit next to the text. They are recognised here by their words (in the
// languages of the corpus and their neighbours) and by where they sit: only in the last
// part of the body, so the same words in the middle of a story are left alone.

// A short heading that opens a closing section of links, sources or promotion: what
// follows it is not the article.
const SECTION_HEADING = new RegExp(
  '^(?:' + [
    'more (?:on this|about|from|stories|news|articles?)\\b', 'related(?: articles?| stories| posts| links| content| coverage| topics)?',
    'read (?:more|next|also)', 'see also', 'further reading', 'recommended(?: for you| articles?| stories)?', 'you (?:may|might) also like',
    'about the author', 'sources?', 'references', 'contact(?: us)?', 'top \\d+\\b.*', 'popular(?: posts| articles)?', 'latest (?:news|posts|articles)',
    'weitere (?:informationen|infos|artikel|beiträge|themen|links|tourentipps|meldungen|nachrichten)\\b.*', 'weiterführende (?:links?|informationen|artikel)',
    'mehr (?:zum thema|themen|zu\\b.*|dazu|news|artikel)', 'empfohlene (?:beiträge|artikel)', 'zum weiterlesen', 'auch lesen', 'lesen sie auch', 'das könnte sie auch interessieren',
    'über (?:den|die) autor(?:in)?', 'quellen(?:angaben)?', 'quelle', 'literatur', 'kontakt', 'themen im artikel', 'schon gelesen\\??', 'neueste artikel', 'beliebte artikel',
    'artikel zum thema', 'mehr \\S+ (?:auf|bei|von)\\b.*', 'vorschau auf\\b.*', 'top[- ]themen\\b.*', 'empfohlen(?: für (?:dich|sie))?', 'nächster artikel', 'next (?:article|post|story)', 'up next',
    'teilnehmende blogs', 'heute empfehlen wir', 'bilder des treffens', 'auch auf \\S+', 'empfehlungen aus\\b.*',
    'lire (?:aussi|la suite)', 'à lire aussi', 'sur le même sujet', 'voir aussi', 'pour aller plus loin', 'à propos de l.auteur',
    'le puede interesar', 'lea también', 'lee también', 'vea también', 'más noticias', 'noticias relacionadas', 'te puede interesar', 'sobre el autor',
    'leia também', 'veja também', 'notícias relacionadas', 'sobre o autor', 'leggi anche', 'articoli correlati',
    'czytaj (?:też|także|więcej)', 'zobacz (?:też|także)', 'polecamy', 'читайте также',
  ].join('|') + ')\\s*[:.…>»]*$',
  'i',
);

// A closing line of promotion or site boilerplate, in whatever paragraph it stands.
const BOILERPLATE = new RegExp([
  '\\bdownload (?:the|our) (?:\\S+ )?apps?\\b', '\\b(?:get|read) (?:the latest|more) .{0,40}\\bapp\\b', '\\bfollow (?:us|the \\S+|\\S+) on (?:twitter|facebook|instagram)', '\\bkeep up with (?:me|us) on\\b',
  '\\bfolgen sie uns\\b', '\\bsíguenos\\b', '\\bnos siga\\b', '\\bsuivez-nous\\b', '\\bcanal de (?:youtube|telegram|whatsapp)\\b',
  '\\ball rights reserved\\b', '\\balle rechte vorbehalten\\b', '\\btodos los derechos reservados\\b', '\\btous droits réservés\\b', '\\bwszelkie prawa zastrzeżone\\b', '\\bcopyrighted property\\b', '\\bwritten permission\\b',
  '\\bsubscribe (?:to|now|here)\\b', '\\bsubscribers? (?:also )?receive\\b', '\\balready a subscriber\\b', '\\bjetzt abonnieren\\b', '\\bnewsletter abonnieren\\b', '\\bsuscr[ií]b(?:e|ete|irse)\\b', '\\bsubskrypcji\\b',
  '\\bshare (?:this|the) (?:article|story|post)\\b', '\\bartikel (?:gefallen|teilen|nützlich)\\b', '\\bden artikel (?:mit anderen )?teilen\\b', '\\bwar (?:der|dieser) artikel\\b', '\\bwas this article (?:helpful|useful)\\b',
  '\\bletter to the editor\\b', '\\bleserbrief\\b',
  '\\bcomments? (?:are|is) closed\\b', '\\bkommentare (?:geschlossen|insgesamt)\\b', '\\bkeine kommentare\\b', '\\bum kommentare zu schreiben\\b', '\\bmust be logged in to (?:post a )?comment\\b',
  '\\baffiliate[- ]links?\\b', '\\bmeinung des autors\\b', '\\bnot necessarily (?:reflect|those of)\\b',
  '^[-–—\\s]*(?:anzeige|werbung|advertisement|publicidad|publicité|reklama)[-–—\\s]*$', '^\\(?noch keine bewertungen\\)?$', '^lade weitere inhalte', '^zurück zur (?:übersicht|listenansicht)$', '^(?:titelbild|aufmacherbild|cover(?: photo| image)?|crédits? photos?)\\s*:',
].join('|'), 'i');

/** Share of the body (from the end) in which closing furniture is looked for. */
const TAIL_SHARE = 0.35;

/**
 * Cut a closing section (from its heading on) and drop boilerplate lines from the last part
 * of the body. A section heading only cuts when what follows it is a minor part of the body.
 */
export function trimArticleTail(paragraphs: string[]): string[] {
  const n = paragraphs.length;
  if (n < 3) return paragraphs;
  const total = paragraphs.reduce((s, p) => s + p.length, 0);
  const firstTail = Math.max(1, Math.floor(n * (1 - TAIL_SHARE)));
  let end = n;
  let after = 0;
  for (let i = n - 1; i >= firstTail; i--) {
    const p = paragraphs[i];
    if (p.length <= 70 && SECTION_HEADING.test(p.trim()) && after + p.length < total * 0.3) end = i;
    after += p.length;
  }
  const out: string[] = [];
  for (let i = 0; i < end; i++) {
    const p = paragraphs[i];
    if (i >= firstTail && p.length < 400 && BOILERPLATE.test(p)) continue;
    out.push(p);
  }
  return out;
}
