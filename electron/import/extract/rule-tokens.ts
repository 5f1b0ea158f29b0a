// Every literal token the HTML extractor's rules name — class and id words, attribute
// values, meta keys, JSON-LD types, link paths, and the phrases of page furniture — kept
// as data, so that they can be listed, and any of them switched off. The extraction
// benchmark does both: a token found only on the sites of one part of the corpus is a rule
// that fits those sites, and that part is scored without it (leave-sites-out).
//
// The words of the languages themselves (month names, "By"/"Von"/"Par", date labels, job
// titles) are grammar, not tokens of a site, and stay with the code that reads them.
//
// Extraction takes a `Rules` object compiled from these tables. The one with nothing
// switched off is built once at start-up, so an ordinary import pays nothing for this.

/**
 * Where a token is looked for on a page, which is also how the rule reads it:
 * - class-word: a whole word of a class or id name split on "-", "_" and camelCase;
 * - class-token / class-token-start: a whole class token or id, or the start of one;
 * - class-bounded: a part of a class token or id set off by "-", "_" or its ends;
 * - class-part / id-part / class-only-part: anywhere in the class and id (or only one);
 * - attr: a whole value of the attribute `attr` (itemprop, role, rel, …); attr-part: within it;
 * - meta-key: a <meta> name/property/itemprop; ld-type: a JSON-LD @type; script-key: a key
 *   of data in a script;
 * - href-part: within a link's href;
 * - line / line-start: a whole paragraph of page text, or its start; phrase: within one.
 */
export type TokenKind =
  | 'class-word' | 'class-token' | 'class-token-start' | 'class-bounded' | 'class-part' | 'id-part' | 'class-only-part'
  | 'attr' | 'attr-part' | 'meta-key' | 'ld-type' | 'script-key' | 'href-part' | 'line' | 'line-start' | 'phrase';

export interface TokenTable {
  kind: TokenKind;
  /** Each a regular-expression fragment (most are plain words). */
  tokens: readonly string[];
  /** Whether the rule ignores case. */
  caseless: boolean;
  /** For attr / attr-part: the attribute. */
  attr?: string;
}

const t = (kind: TokenKind, tokens: readonly string[], caseless = true, attr?: string): TokenTable => ({ kind, tokens, caseless, attr });

export const TOKEN_TABLES = {
  // ---- Page furniture removed before Readability (html-cleaning.ts)
  /** Words in class / id names that mark furniture. */
  furnitureWords: t('class-word', [
    'comment', 'comments', 'commentlist', 'commentform', 'disqus', 'respond', 'discussion',
    'related', 'relatedposts', 'relatedarticles', 'recommended', 'recommendations', 'recirculation', 'recirc',
    'outbrain', 'taboola', 'plista', 'ligatus', 'zergnet',
    'share', 'sharing', 'sharebar', 'sharetools', 'shareline', 'social', 'socials', 'sociallinks', 'addthis', 'shariff',
    'newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'paywall', 'regwall', 'piano',
    'cookie', 'cookies', 'consent', 'gdpr', 'cmp', 'onetrust',
    'promo', 'promotion', 'advert', 'advertisement', 'advertising', 'ad', 'ads', 'adslot', 'adunit', 'dfp', 'sponsor', 'sponsored',
    'breadcrumb', 'breadcrumbs', 'pagination', 'pager', 'skiplink', 'skip',
    'popular', 'mostread', 'mostpopular', 'trending', 'toptrending', 'morestories', 'readmore', 'readnext', 'upnext', 'whatsnext',
    'sidebar', 'widget', 'widgets', 'toolbar', 'tags', 'tagcloud', 'taglist', 'keywords', 'topics',
    'authorbio', 'bio', 'byline', 'meta', 'postmeta', 'entrymeta', 'dateline', 'timestamp',
    'footer', 'masthead', 'nav', 'navbar', 'navigation', 'menu', 'print', 'rating', 'reactions', 'banner', 'modal', 'overlay', 'popup',
  ]),
  /** Furniture words whose section may be long and prose-like and still not be the article. */
  strongFurnitureWords: t('class-word', [
    'comments?', 'commentlist', 'commentform', 'disqus', 'respond', 'discussion', 'related\\w*', 'recommend\\w*', 'recirc\\w*',
    'outbrain', 'taboola', 'plista', 'ligatus', 'zergnet', 'newsletters?', 'subscribe', 'subscription', 'signup', 'paywall', 'regwall',
    'cookies?', 'consent', 'gdpr', 'onetrust', 'popular', 'mostread', 'mostpopular', 'trending', 'toptrending', 'morestories', 'readmore',
    'readnext', 'upnext', 'whatsnext', 'sidebar', 'footer', 'breadcrumbs?', 'pagination', 'pager', 'ads?', 'adslot', 'adunit', 'advert\\w*', 'dfp',
  ], false),
  /** Words that name the article's own parts: a furniture word beside one does not condemn… */
  articlePartWords: t('class-bounded', ['article', 'content', 'body', 'text', 'story', 'entry', 'post']),
  /** …unless one of these follows it in the name… */
  articlePartSpoilers: t('class-part', ['comment', 'related', 'share', 'newsletter']),
  /** …or the name has one of these words. */
  condemningWords: t('class-word', ['comments?', 'related', 'share', 'sharing', 'newsletter', 'social', 'outbrain', 'taboola', 'ads?', 'advert', 'promo', 'paywall', 'cookie', 'consent'], false),
  /** ARIA roles of furniture. */
  furnitureRoles: t('attr', ['navigation', 'complementary', 'banner', 'contentinfo', 'search', 'dialog', 'alertdialog', 'menu', 'menubar', 'toolbar'], true, 'role'),
  /** Short blocks that open as a call to action or a teaser. */
  teaserPhrases: t('line-start', [
    'read more', 'read also', 'also read', 'read next', 'see also', 'related(?: articles?| stories| coverage)?\\s*:', 'more on this', 'more:', 'recommended',
    'lire aussi', 'à lire aussi', 'a lire aussi', 'voir aussi', 'lire la suite', 'lesen sie auch', 'lesen sie mehr', 'mehr zum thema', 'weiterlesen', 'auch interessant',
    'das könnte sie auch interessieren', 'leia também', 'leia mais', 'veja também', 'lee también', 'lea también', 'leer más', 'leggi anche', 'leggi di più', 'читайте также',
    'sign up', 'subscribe', 'follow us', 'follow @', 'share this', 'share on', 'share:', 'teilen', 'partager', 'compartir', 'condividi',
    'advertisement', 'anzeige', 'werbung', 'publicidad', 'publicité', 'pubblicità', 'click here', 'klicken sie hier', 'newsletter', 'get our',
    'download the app', 'all rights reserved', '©', 'copyright',
  ]),
  /** Class names of image captions. */
  captionNames: t('class-bounded', ['caption', 'figcaption', 'wp-caption-text', 'legend', 'bildunterschrift', 'image-text', 'photo-text', 'img-text']),
  /** Class names of image credits. */
  creditNames: t('class-bounded', ['credit', 'credits', 'copyright', 'image-credit', 'photo-credit', 'source', 'fotograf', 'photographer', 'byline']),

  // ---- Where metadata is looked for (page-elements.ts, html-metadata.ts)
  ldArticleTypes: t('ld-type', [
    'NewsArticle', 'Article', 'BlogPosting', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BackgroundNewsArticle',
    'ReviewNewsArticle', 'AskPublicNewsArticle', 'LiveBlogPosting', 'ScholarlyArticle', 'TechArticle', 'SocialMediaPosting', 'Report', 'Review',
    'Blog', 'Posting', 'DiscussionForumPosting', 'MedicalWebPage', 'Recipe', 'AdvertiserContentArticle', 'SatiricalArticle',
  ]),
  ldPageTypes: t('ld-type', ['WebPage', 'ItemPage', 'CollectionPage']),
  ldSiteTypes: t('ld-type', ['WebSite', 'Organization', 'NewsMediaOrganization']),
  microHeadlineProps: t('attr', ['headline'], false, 'itemprop'),
  microAuthorProps: t('attr', ['author', 'creator'], false, 'itemprop'),
  microNameProps: t('attr', ['name'], false, 'itemprop'),
  microPublishedProps: t('attr', ['datePublished', 'dateCreated'], false, 'itemprop'),
  microModifiedProps: t('attr', ['dateModified'], false, 'itemprop'),
  /** itemprop of a byline element (the whole attribute). */
  bylineItemprops: t('attr', ['author'], false, 'itemprop'),
  bylineRels: t('attr', ['author'], true, 'rel'),
  bylineTestIds: t('attr-part', ['byline'], false, 'data-testid'),
  /** Parts of a byline element's class. */
  bylineClassParts: t('class-only-part', ['byline', 'author', 'Author', 'Byline', 'autor', 'writer', 'verfasser'], false),
  bylineClassTokens: t('class-token', ['auteur'], false),
  bylineIdParts: t('id-part', ['byline', 'author'], false),
  /** Paths of links to an author's page. */
  authorHrefParts: t('href-part', ['/author/', '/authors/', '/autor/', '/autoren/', '/auteur/', '/autor-', '/redakteur', '/journalist'], false),
  /** Parts of a date-like element's class. */
  dateClassParts: t('class-only-part', ['date', 'Date', 'publish', 'posted', 'datum', 'fecha', 'created', 'meta', 'dateline'], false),
  /** …and "time", on elements that are not <time>. */
  timeClassParts: t('class-only-part', ['time'], false),
  dateIdParts: t('id-part', ['date'], false),
  /** A <time> so marked (its class, itemprop or its parent's class) is an update. */
  timeModifiedHints: t('class-part', ['modif', 'updat', 'aktualisiert']),
  /** A <time> so marked is the publication. */
  timePublishedHints: t('class-part', ['publi', 'date-?pub', 'posted', 'created']),
  /** Class / id of a readers' comment section, whose bylines and dates are not the article's. */
  commentParts: t('class-part', ['comment'], false),
  /** Class of a menu, whose author links are not bylines. */
  menuParts: t('class-only-part', ['menu'], false),
  /** Starts of class tokens of parts whose dates are not the article's. */
  elsewhereStarts: t('class-token-start', ['comments?', 'comment[-_]', 'kommentar', 'commentaire', 'comentario', 'related', 'sidebar', 'widget', 'recommend']),
  elsewhereWords: t('class-bounded', ['comments?', 'kommentare?', 'commentaires?', 'comentarios?', 'replies']),
  /** Class of the line above or inside a headline that names its topic. */
  kickerNames: t('class-part', [
    'kicker', 'dachzeile', 'topline', 'overline', 'over-title', 'eyebrow', 'roofline', 'pre-?title', 'pre-?head', 'supertitle', 'super-title',
    'spitzmarke', 'rubric', 'flag', 'label', 'category', 'ressort', 'theme', 'topic', 'subline', 'sub-?title', 'small',
  ]),
  /** Class tokens of the site's own header furniture (an <h1> there names the site). */
  headerFurnitureTokens: t('class-token', [
    '(?:site-|header-)?logo', 'brand', '(?:site-)?branding', 'site-?title', 'site-?name', 'sidebar',
    '(?:primary-|secondary-)?sidebar-(?:left|right|primary|secondary)', 'widget(?:-area|_[a-z0-9_-]+)?',
  ]),

  // ---- Meta keys (metadata-choice.ts, html-article.ts)
  /** Keys under which a page's scripts hold its publication date, as data. */
  scriptDateKeys: t('script-key', ['datePublished', 'published_at', 'publishedAt', 'publishDate', 'publish_date', 'firstPublished', 'pubDate', 'createdAt', 'created_at'], false),
  publishedMetaKeys: t('meta-key', [
    'article:published_time', 'og:article:published_time', 'article:published', 'published_time', 'article.published',
    'datepublished', 'date.published', 'publishdate', 'publish-date', 'publish_date', 'pubdate', 'publication_date',
    'sailthru.date', 'parsely-pub-date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dc.date.created',
    'dcterms.created', 'citation_publication_date', 'citation_date', 'citation_online_date', 'article_date_original',
    'original-publish-date', 'cxenseparse:recs:publishtime', 'date', 'dc.date.publication', 'og:published_time', 'datecreated',
    'article:post_date', 'bt:pubdate', 'release_date', 'dateline', 'created', 'displaydate',
  ]),
  /** Generic "date" fields a CMS fills with the record's creation or last change. */
  weakDateMetaKeys: t('meta-key', ['date', 'dc.date', 'dcterms.date', 'created', 'displaydate', 'datecreated', 'dc.date.created', 'dcterms.created']),
  modifiedMetaKeys: t('meta-key', ['article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'dc.date.modified', 'last-modified', 'article.updated']),
  citationAuthorKeys: t('meta-key', ['citation_author']),
  authorMetaKeys: t('meta-key', [
    'author', 'article:author', 'dc.creator', 'dcterms.creator', 'sailthru.author', 'parsely-author', 'byl', 'twitter:creator:name',
    'article:author_name', 'cxenseparse:author', 'author_name', 'dc.contributor',
  ]),
  /** An @handle as a rule; a bare one is the author's user name. */
  handleMetaKeys: t('meta-key', ['twitter:creator']),
  /** "twitter:labelN = Written by" with the name in twitter:dataN. */
  labelMetaKeys: t('meta-key', ['twitter:label']),
  publisherMetaKeys: t('meta-key', ['og:site_name', 'dc.publisher', 'dcterms.publisher', 'publisher', 'article:publisher', 'application-name', 'copyright']),
  /** The outlet's name as the page gives it. */
  siteNameMetaKeys: t('meta-key', ['og:site_name']),
  /** An app's name: most often the outlet's. */
  appNameMetaKeys: t('meta-key', ['application-name', 'al:android:app_name']),
  /** The outlet's @handle. */
  siteHandleMetaKeys: t('meta-key', ['twitter:site']),
  socialTitleMetaKeys: t('meta-key', ['og:title', 'twitter:title']),
  otherTitleMetaKeys: t('meta-key', ['dc.title', 'citation_title', 'title']),
  urlMetaKeys: t('meta-key', ['og:url', 'twitter:url']),
  languageMetaKeys: t('meta-key', ['og:locale', 'content-language', 'language', 'dc.language']),
  descriptionMetaKeys: t('meta-key', ['og:description', 'description', 'twitter:description']),

  // ---- Phrases of furniture inside the article (paragraphs.ts, article-tail.ts, titles.ts, metadata-choice.ts)
  /** A short heading that opens a closing section of links, sources or promotion. */
  sectionHeadings: t('line', [
    'more (?:on this|about|from|stories|news|articles?)\\b', 'related(?: articles?| stories| posts| links| content| coverage| topics)?',
    'read (?:more|next|also)', 'see also', 'further reading', 'recommended(?: for you| articles?| stories)?', 'you (?:may|might) also like',
    'about the author', 'sources?', 'references', 'contact(?: us)?', 'top \\d+\\b.*', 'popular(?: posts| articles)?', 'latest (?:news|posts|articles)',
    'weitere (?:informationen|infos|artikel|beiträge|themen|links|meldungen|nachrichten)\\b.*', 'weiterführende (?:links?|informationen|artikel)',
    'mehr (?:zum thema|themen|zu\\b.*|dazu|news|artikel)', 'empfohlene (?:beiträge|artikel)', 'zum weiterlesen', 'auch lesen', 'lesen sie auch', 'das könnte sie auch interessieren',
    'über (?:den|die) autor(?:in)?', 'quellen(?:angaben)?', 'quelle', 'literatur', 'kontakt', 'themen im artikel', 'schon gelesen\\??', 'neueste artikel', 'beliebte artikel',
    'artikel zum thema', 'mehr \\S+ (?:auf|bei|von)\\b.*', 'top[- ]themen\\b.*', 'empfohlen(?: für (?:dich|sie))?', 'nächster artikel', 'next (?:article|post|story)', 'up next',
    'auch auf \\S+', 'empfehlungen aus\\b.*',
    'lire (?:aussi|la suite)', 'à lire aussi', 'sur le même sujet', 'voir aussi', 'pour aller plus loin', 'à propos de l.auteur',
    'le puede interesar', 'lea también', 'lee también', 'vea también', 'más noticias', 'noticias relacionadas', 'te puede interesar', 'sobre el autor',
    'leia também', 'veja também', 'notícias relacionadas', 'sobre o autor', 'leggi anche', 'articoli correlati',
    'czytaj (?:też|także|więcej)', 'zobacz (?:też|także)', 'polecamy', 'читайте также',
  ]),
  /** A closing line of promotion or site boilerplate, in whatever paragraph it stands. */
  tailBoilerplate: t('phrase', [
    '\\bdownload (?:the|our) (?:\\S+ )?apps?\\b', '\\b(?:get|read) (?:the latest|more) .{0,40}\\bapp\\b', '\\bfollow (?:us|the \\S+|\\S+) on (?:twitter|facebook|instagram)', '\\bkeep up with (?:me|us) on\\b',
    '\\bfolgen sie uns\\b', '\\bsíguenos\\b', '\\bnos siga\\b', '\\bsuivez-nous\\b', '\\bcanal de (?:youtube|telegram|whatsapp)\\b',
    '\\ball rights reserved\\b', '\\balle rechte vorbehalten\\b', '\\btodos los derechos reservados\\b', '\\btous droits réservés\\b', '\\bwszelkie prawa zastrzeżone\\b', '\\bcopyrighted property\\b', '\\bwritten permission\\b',
    '\\bsubscribe (?:to|now|here)\\b', '\\bsubscribers? (?:also )?receive\\b', '\\balready a subscriber\\b', '\\bjetzt abonnieren\\b', '\\bnewsletter abonnieren\\b', '\\bsuscr[ií]b(?:e|ete|irse)\\b', '\\bsubskrypcji\\b',
    '\\bshare (?:this|the) (?:article|story|post)\\b', '\\bartikel (?:gefallen|teilen|nützlich)\\b', '\\bden artikel (?:mit anderen )?teilen\\b', '\\bwar (?:der|dieser) artikel\\b', '\\bwas this article (?:helpful|useful)\\b',
    '\\bletter to the editor\\b', '\\bleserbrief\\b',
    '\\bcomments? (?:are|is) closed\\b', '\\bkommentare (?:geschlossen|insgesamt)\\b', '\\bkeine kommentare\\b', '\\bum kommentare zu schreiben\\b', '\\bmust be logged in to (?:post a )?comment\\b',
    '\\baffiliate[- ]links?\\b', '\\bmeinung des autors\\b', '\\bnot necessarily (?:reflect|those of)\\b',
    '^[-–—\\s]*(?:anzeige|werbung|advertisement|publicidad|publicité|reklama)[-–—\\s]*$', '^(?:titelbild|aufmacherbild|cover(?: photo| image)?|crédits? photos?)\\s*:',
  ]),
  /** A bare "Related" / "Read more:" label before a teaser's headline. */
  teaserLabels: t('line', [
    'related(?: articles?| stories| coverage| content)?', 'read (?:more|also|next)', 'also read', 'see also', 'more on this(?: story| topic)?', 'mehr (?:lesen|zum thema)',
    'lesen sie (?:auch|mehr)', 'auch lesen', 'artikel zum thema', 'lire aussi', 'à lire aussi', 'voir aussi', 'leia também', 'veja também', 'lee también', 'lea también',
    'leggi anche', 'czytaj (?:też|także)', 'читайте также',
  ]),
  /** Disclosures, paywall prompts and calls to action. */
  promoPhrases: t('phrase', [
    '\\badvertising (?:disclosure|disclaimer)\\b', '\\b(?:eingeloggt|angemeldet|logged in|signed in)\\b.{0,30}\\b(?:kommentare?|comments?|comment)\\b', '\\bmay receive (?:compensation|a commission)\\b',
    '\\bcontains references to products\\b', '\\baffiliate[- ]links?\\b', '\\bprovisionslinks?\\b', '\\bwerbelinks?\\b', '\\blinks auf dieser seite\\b.{0,80}\\bprovision\\b',
    '\\b(?:hier|jetzt) klicken\\b', '\\bklicken sie hier\\b', '\\bclick here to (?:subscribe|sign up|register|read|learn)\\b', '\\bwählen sie ihren zugang\\b', '\\balle angaben ohne gewähr\\b',
  ]),
  /** Segments CMS templates put around every title ("Blog Archive", "Startseite"). */
  titleBoilerplate: t('line', ['blog archive', 'archive', 'archiv', 'home', 'startseite', 'accueil', 'inicio', 'homepage', 'news', 'nachrichten', 'aktuelles', 'blog']),
  /** Headings that label page furniture, never an article. */
  furnitureHeadings: t('line', [
    '[\\p{L} -]{0,20}navigation[\\p{L} -]{0,20}', '[\\p{L} -]{0,20}men[uüù](?: di navigazione)?', 'quicklinks?', 'main menu', 'search', 'suche', 'cookies?',
    'hinweis zur verwendung von cookies', 'footer', 'sidebar', 'related', 'kommentare', 'comments', 'newsletter', 'share', 'teilen', 'details',
    'sie sind hier', 'you are here', 'vous êtes ici', 'leggi anche', 'lesen sie auch', 'read more', 'mehr zum thema',
  ]),
} satisfies Record<string, TokenTable>;

export type TableName = keyof typeof TOKEN_TABLES;

/** How a token is named in a set of disabled tokens: "furnitureWords:outbrain". */
export const tokenKey = (table: TableName, token: string): string => `${table}:${token}`;

/** Every token of every table, by its key. */
export function allTokenKeys(): string[] {
  return (Object.keys(TOKEN_TABLES) as TableName[]).flatMap((name) => TOKEN_TABLES[name].tokens.map((tok) => tokenKey(name, tok)));
}

/** The verdict on a class / id name, cached per rule set (pages repeat a few dozen names). */
export interface NameVerdict {
  furniture: boolean;
  strong: boolean;
}

/** The rules compiled from the tables, less any switched-off tokens. */
export interface Rules {
  /** The tokens of `table` that are in force. */
  tokens(table: TableName): readonly string[];
  /** Lower-case set of a table's tokens (for exact meta keys, roles, words). */
  set(table: TableName): ReadonlySet<string>;
  furnitureWords: ReadonlySet<string>;
  strongFurnitureWord: RegExp;
  articlePartKept: RegExp;
  condemningWord: RegExp;
  furnitureRole: RegExp;
  teaser: RegExp;
  captionName: RegExp;
  creditName: RegExp;
  ldArticleType: RegExp;
  ldPageType: RegExp;
  ldSiteType: RegExp;
  bylineClass: RegExp;
  dateClass: RegExp;
  authorHref: RegExp;
  timeModified: RegExp;
  timePublished: RegExp;
  elsewhereStart: RegExp;
  elsewhereWord: RegExp;
  kicker: RegExp;
  headerFurniture: RegExp;
  sectionHeading: RegExp;
  tailBoilerplate: RegExp;
  teaserLabel: RegExp;
  promo: RegExp;
  titleBoilerplate: RegExp;
  furnitureHeading: RegExp;
  nameVerdicts: Map<string, NameVerdict>;
}

// A pattern that never matches, for a table whose tokens are all switched off.
const NEVER = '(?!)';

function compile(disabled: ReadonlySet<string> | null): Rules {
  const live = new Map<TableName, string[]>();
  const tokens = (table: TableName): string[] => {
    let got = live.get(table);
    if (!got) {
      got = TOKEN_TABLES[table].tokens.filter((tok) => !disabled?.has(tokenKey(table, tok)));
      live.set(table, got);
    }
    return got;
  };
  const sets = new Map<TableName, Set<string>>();
  const set = (table: TableName): Set<string> => {
    let got = sets.get(table);
    if (!got) {
      got = new Set(tokens(table).map((x) => (TOKEN_TABLES[table].caseless ? x.toLowerCase() : x)));
      sets.set(table, got);
    }
    return got;
  };
  const alt = (table: TableName) => (tokens(table).length ? tokens(table).join('|') : NEVER);
  const re = (source: string, flags = '') => new RegExp(source, flags);
  return {
    tokens,
    set,
    furnitureWords: set('furnitureWords'),
    strongFurnitureWord: re(`^(?:${alt('strongFurnitureWords')})$`),
    articlePartKept: re(`(?:^|[-_\\s])(?:${alt('articlePartWords')})(?:[-_\\s]|$)(?!.*(?:${alt('articlePartSpoilers')}))`, 'i'),
    condemningWord: re(`^(?:${alt('condemningWords')})$`),
    furnitureRole: re(`^(?:${alt('furnitureRoles')})$`, 'i'),
    teaser: re(`^(?:${alt('teaserPhrases')})`, 'i'),
    captionName: re(`(?:^|[-_\\s])(?:${alt('captionNames')})(?:[-_\\s]|$)`, 'i'),
    creditName: re(`(?:^|[-_\\s])(?:${alt('creditNames')})(?:[-_\\s]|$)`, 'i'),
    ldArticleType: re(`^(?:${alt('ldArticleTypes')})$`, 'i'),
    ldPageType: re(`^(?:${alt('ldPageTypes')})$`, 'i'),
    ldSiteType: re(`^(?:${alt('ldSiteTypes')})$`, 'i'),
    bylineClass: re(alt('bylineClassParts')),
    dateClass: re(alt('dateClassParts')),
    authorHref: re(alt('authorHrefParts')),
    timeModified: re(alt('timeModifiedHints')),
    timePublished: re(alt('timePublishedHints')),
    elsewhereStart: re(`^(?:${alt('elsewhereStarts')})`, 'i'),
    elsewhereWord: re(`(?:^|[-_])(?:${alt('elsewhereWords')})(?:$|[-_])`, 'i'),
    kicker: re(alt('kickerNames'), 'i'),
    headerFurniture: re(`^(?:${alt('headerFurnitureTokens')})$`, 'i'),
    sectionHeading: re(`^(?:${alt('sectionHeadings')})\\s*[:.…>»]*$`, 'i'),
    tailBoilerplate: re(alt('tailBoilerplate'), 'i'),
    teaserLabel: re(`^(?:${alt('teaserLabels')})\\s*[:.…>»]*$`, 'i'),
    promo: re(alt('promoPhrases'), 'i'),
    titleBoilerplate: re(`^(?:${alt('titleBoilerplate')})$`, 'i'),
    furnitureHeading: re(`^(?:${alt('furnitureHeadings')})\\s*:?$`, 'iu'),
    nameVerdicts: new Map(),
  };
}

/** The rules with nothing switched off: what every import uses. */
export const DEFAULT_RULES: Rules = compile(null);

const compiled = new WeakMap<ReadonlySet<string>, Rules>();

/** The rules without the tokens in `disabled` (keys as tokenKey gives them). */
export function rulesWithout(disabled: ReadonlySet<string> | null | undefined): Rules {
  if (!disabled || disabled.size === 0) return DEFAULT_RULES;
  let r = compiled.get(disabled);
  if (!r) {
    r = compile(disabled);
    compiled.set(disabled, r);
  }
  return r;
}
