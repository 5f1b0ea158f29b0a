import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { collectHtmlMetadata } from '../../../electron/import/extract/html-metadata.ts';
import { chooseAuthor, chooseDates, chooseHeadline } from '../../../electron/import/extract/metadata-choice.ts';

function meta(html: string) {
  const { document } = parseHTML(html);
  return collectHtmlMetadata(document as unknown as Document, html);
}
const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('chooseHeadline', () => {
  it('drops a kicker the <h1> carries in its own element', () => {
    const m = meta(page('<title>Klimaschutz: Bohren, bis es heiß wird | ZEIT ONLINE</title><meta property="og:title" content="Klimaschutz: Bohren, bis es heiß wird">',
      '<article><h1><span class="article-heading__kicker">Klimaschutz</span>: <span class="article-heading__title">Bohren, bis es heiß wird</span></h1><p>Text</p></article>'));
    expect(chooseHeadline(m, {}, ['ZEIT ONLINE', 'zeit'], null)).toBe('Bohren, bis es heiß wird');
  });

  it('keeps a dash clause that the <h1> confirms is part of the headline', () => {
    const m = meta(page('<title>This County Criminalized Students for Bad Grades – Until Now | American Civil Liberties Union</title>',
      '<h1>This County Criminalized Students for Bad Grades – Until Now</h1>'));
    expect(chooseHeadline(m, {}, ['aclu'], null)).toBe('This County Criminalized Students for Bad Grades – Until Now');
  });

  it('prefers the only <h1> over a <title> rewritten for search engines', () => {
    const m = meta(page('<title>Wärmepumpe im Altbau - Wann es sich lohnt | heizung.de</title>', '<main><h1>Eignet sich eine Wärmepumpe im Altbau?</h1><p>…</p></main>'));
    expect(chooseHeadline(m, {}, ['heizung'], null)).toBe('Eignet sich eine Wärmepumpe im Altbau?');
  });

  it('ignores a logo <h1> and a site name leading the <title>', () => {
    const m = meta(page('<title>Four Years Remaining » Blog Archive » Interning of Small Integers in Python</title><meta property="og:site_name" content="Four Years Remaining">',
      '<header><h1 class="site-title"><a href="/">Four Years Remaining</a></h1></header><div class="post"><h2>Interning of Small Integers in Python</h2></div>'));
    expect(chooseHeadline(m, {}, ['Four Years Remaining'], null)).not.toBe('Four Years Remaining');
  });

  it('does not take a navigation heading for the headline', () => {
    const m = meta(page('<meta property="og:title" content="Erinnerung an die Opfer der NS-Verbrechen">', '<h1>Navigation</h1><h1>Sie sind hier:</h1>'));
    expect(chooseHeadline(m, {}, ['Bundesrat'], null)).toBe('Erinnerung an die Opfer der NS-Verbrechen');
  });

  it('finds a kicker set in <small> inside a headline wrapper', () => {
    const m = meta(page('<meta property="og:title" content="Einheit der Woche | Lagen-Pyramide mit GA2 - SWIM.DE">',
      '<h1 class="single-post-title"><span class="post-title" itemprop="headline"><small>Einheit der Woche</small><br>Lagen-Pyramide mit GA2</span></h1>'));
    expect(chooseHeadline(m, {}, ['SWIM.DE'], null)).toBe('Lagen-Pyramide mit GA2');
  });

  it('keeps a headline whose first words resemble the site name', () => {
    const m = meta(page('<title>Welpen kaufen – Tipps zu jeder Hunderasse | Welpenkaufen24</title><meta property="og:title" content="Welpen kaufen – Tipps zu jeder Hunderasse"><meta property="og:site_name" content="Welpen">',
      '<h1 class="content-headline">Welpen kaufen &#8211; Tipps zu jeder Hunderasse</h1>'));
    expect(chooseHeadline(m, {}, ['Welpen', 'welpenkaufen24'], null)).toBe('Welpen kaufen – Tipps zu jeder Hunderasse');
  });

  it('does not take a body class such as "sidebar-off" for page furniture', () => {
    const m = meta(page('<meta property="og:title" content="Wein dekantieren: Alles Wissenswerte zusammengefasst">',
      '<div class="post-wrap sidebar-off"><h1 class="entry-title">Wein dekantieren: Alles Wissenswerte rund um einen besonderen Schritt</h1></div><aside class="widget"><h1>Newsletter</h1></aside>'));
    expect(m.h1Info[0].furniture).toBe(false);
    expect(m.h1Info[1].furniture).toBe(true);
    // The page's only <h1> is its headline even where og:title words it differently.
    const m2 = meta(page('<meta property="og:title" content="Wein dekantieren: Alles Wissenswerte zusammengefasst">',
      '<div class="post-wrap sidebar-off"><h1 class="entry-title">Wein dekantieren: Alles Wissenswerte rund um einen besonderen Schritt</h1></div>'));
    expect(chooseHeadline(m2, {}, [], null)).toBe('Wein dekantieren: Alles Wissenswerte rund um einen besonderen Schritt');
  });

  it('keeps entities inside words joined', () => {
    const m = meta(page('<title>Aren&#8217;t we all &#8230;?</title>', '<h1>Aren&#8217;t we all &#8230;?</h1>'));
    expect(chooseHeadline(m, {}, [], null)).toBe('Aren’t we all …?');
  });
});

describe('chooseAuthor', () => {
  it('resolves a JSON-LD author given by @id in an @graph', () => {
    const ld = { '@context': 'https://schema.org', '@graph': [
      { '@type': 'Article', headline: 'X', author: { '@id': 'https://ex.com/#/schema/person/1' }, publisher: { '@id': 'https://ex.com/#org' } },
      { '@type': 'Person', '@id': 'https://ex.com/#/schema/person/1', name: 'Doris Schuppe' },
      { '@type': 'Organization', '@id': 'https://ex.com/#org', name: 'Example Media' },
    ] };
    const m = meta(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, '<p>x</p>'));
    expect(chooseAuthor(m, {}, null, 'Example Media')).toBe('Doris Schuppe');
  });

  it('reads Yoast\'s twitter:label "Verfasst von"', () => {
    const m = meta(page('<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Karoline Herr">', '<p>x</p>'));
    expect(chooseAuthor(m, {}, null, null)).toBe('Karoline Herr');
  });

  it('prefers a person on the page to the site name in meta author', () => {
    const m = meta(page('<meta name="author" content="Die FURCHE"><meta property="og:site_name" content="Die Furche">', '<div class="byline">Von Ursula Baatz</div>'));
    expect(chooseAuthor(m, {}, null, 'Die Furche')).toBe('Ursula Baatz');
  });

  it('keeps the site name when it is the only author the page gives', () => {
    const m = meta(page('<meta property="og:site_name" content="Wikimedia Foundation">', '<div class="byline">By Wikimedia Foundation • 15 January 2020</div>'));
    expect(chooseAuthor(m, {}, null, 'Wikimedia Foundation')).toBe('Wikimedia Foundation');
  });

  it('takes a handle from structured data, but a written name from the page over it', () => {
    expect(chooseAuthor(meta(page('<meta name="author" content="jesusfreak">', '<p>x</p>')), {}, null, null)).toBe('jesusfreak');
    const m = meta(page('<meta name="dc.creator" content="gabor_munier">', '<p class="byline">Von Gàbor Muniér</p>'));
    expect(chooseAuthor(m, {}, null, null)).toBe('Gàbor Muniér');
  });

  it('reads a name after an "Autor" heading and prefers a full name to a first name', () => {
    const m = meta(page('', '<div class="meta"><h4>Autor</h4><p><a href="/profil/x">Nikolai Huke</a></p></div>'));
    expect(chooseAuthor(m, {}, null, null)).toBe('Nikolai Huke');
    const m2 = meta(page('<meta name="author" content="Stefanus">', '<span class="byline">von Stefanus Stahl</span>'));
    expect(chooseAuthor(m2, {}, null, null)).toBe('Stefanus Stahl');
  });

  it('reads a long byline of several names', () => {
    const m = meta(page('', '<p class="byline">Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR</p>'));
    expect(chooseAuthor(m, {}, null, null)).toBe('Volkmar Kabisch; Jan Lukas Strozyk; Benedikt Strunz; NDR');
  });

  it('lets the byline that meta, microdata and page agree on outvote a lone JSON-LD author', () => {
    const ld = { '@type': 'NewsArticle', headline: 'Crash', author: { '@type': 'Person', name: 'Kathleen Ditton' } };
    const m = meta(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script><meta name="parsely-author" content="Jessica Holly"><meta name="parsely-author" content="Gail Levy">`,
      '<h1>Crash</h1><div itemprop="author">By Jessica Holly, Gail Levy</div><p class="byline">By Jessica Holly , Gail Levy</p>'));
    expect(chooseAuthor(m, {}, null, null)).toBe('Jessica Holly; Gail Levy');
  });

  it('takes the fuller list of the same authors that the byline or meta author gives', () => {
    const ld = { '@type': 'NewsArticle', headline: 'Test', author: { '@type': 'Person', name: 'Rudolf Fischer' } };
    const m = meta(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, '<h1>Test</h1><p class="byline">von Rudolf Fischer, Simon Kohler</p>'));
    expect(chooseAuthor(m, {}, null, null)).toBe('Rudolf Fischer; Simon Kohler');
    const ld2 = { '@type': 'NewsArticle', headline: 'Single', author: { '@type': 'Person', name: "Sadhbh O'Sullivan" } };
    const m2 = meta(page(`<script type="application/ld+json">${JSON.stringify(ld2)}</script><meta name="author" content="Sadhbh O'Sullivan,Elisabeth Kochan">`, '<h1>Single</h1>'));
    expect(chooseAuthor(m2, {}, null, null)).toBe("Sadhbh O'Sullivan; Elisabeth Kochan");
    // A desk or initials beside the name do not make a fuller list.
    const m3 = meta(page(`<script type="application/ld+json">${JSON.stringify({ ...ld, author: { name: 'Tina Klostermeier' } })}</script><meta name="author" content="Tina Klostermeier,TK">`, '<h1>Test</h1>'));
    expect(chooseAuthor(m3, {}, null, null)).toBe('Tina Klostermeier');
  });

  it('reads a "Posted by" byline of four names and a team after a dash', () => {
    const m = meta(page('', '<h1>Enhanced Safe Browsing</h1><div class="post-body"><p>Text</p><span class="byline-author">Posted by Nathan Parker, Varun Khaneja, Eric Mill and Kiran C Nair - Chrome Safe Browsing team</span></div>'));
    expect(chooseAuthor(m, {}, null, null)).toBe('Nathan Parker; Varun Khaneja; Eric Mill; Kiran C Nair');
  });

  it('puts a name over a desk\'s initials', () => {
    const m = meta(page('', '<h1>Kaisers Wochenrückblick</h1><div class="teaser"><span class="author">JF</span></div><div class="post"><span class="author">Boris T. Kaiser</span></div>'));
    expect(chooseAuthor(m, {}, null, null)).toBe('Boris T. Kaiser');
    const m2 = meta(page('', '<h1>Dürre</h1><span class="author">AFP</span>'));
    expect(chooseAuthor(m2, {}, null, null)).toBe('AFP');
  });

  it('keeps a blogger who named the blog after themselves when the byline repeats the name', () => {
    const m = meta(page('<link rel="canonical" href="https://weinlachgummis.blogspot.com/2017/09/rezi.html">',
      '<h3>[Rezi] Love is War</h3><span itemprop="author" itemscope><span itemprop="name">Weinlachgummi</span></span><div class="post-footer"><span class="post-author vcard">Eingestellt von Weinlachgummi</span></div><aside><div class="author">by Akira Arenth</div></aside>'));
    expect(chooseAuthor(m, {}, null, 'weinlachgummis.blogspot.com')).toBe('Weinlachgummi');
    // Without the byline, a person the page names wins over the site's own name.
    const m2 = meta(page('', '<span itemprop="author" itemscope><span itemprop="name">Weinlachgummi</span></span><p class="byline">Text & Fotos: Akira Arenth</p>'));
    expect(chooseAuthor(m2, {}, null, 'weinlachgummis.blogspot.com')).toBe('Akira Arenth');
  });

  it('reads a byline run into a meta line, and one after a date', () => {
    const m = meta(page('', '<h2>Antipoden</h2><div class="post-info">Posted by Nesselsetzer under <a href="/c/fun">Just For Fun</a>, <a href="/c/x">Gesellschaft und Politik und was sonst so alles passiert</a> <a href="#comments">[5] Comments</a></div>'));
    expect(chooseAuthor(m, {}, null, null)).toBe('Nesselsetzer');
    const m2 = meta(page('', '<div class="news-single-timedata">05.02.2020 <span>-&nbsp;Redaktion: Eberhard Fuhr (Pressesprecher des EJW)</span></div><h1>Faire Lieferketten</h1>'));
    expect(chooseAuthor(m2, {}, null, null)).toBe('Eberhard Fuhr');
    expect(chooseDates(m2, null, {}, 'dmy', null, 'de').published).toBe('2020-02-05');
  });

  it('does not read a tag list as several authors', () => {
    const m = meta(page('', '<div class="author-tags">CSP, International, Photovoltaik, Solarthermie, Speicher</div>'));
    expect(chooseAuthor(m, {}, null, null)).toBeNull();
  });
});

describe('chooseDates', () => {
  it('skips <time> in readers\' comments, and a generic "date" meta behind the shown date', () => {
    const m = meta(page('<meta name="dcterms.date" content="2021-12-20T11:02:44+01:00">',
      '<article><h1>#RieslingBirthday Posts gewinnen</h1><p>27.01.2022</p><p>Text</p></article><section class="comments"><time datetime="2022-02-03T10:00">3.2.</time></section>'));
    expect(m.timeDates).toEqual([]);
    expect(chooseDates(m, null, {}, 'dmy', null, 'de').published).toBe('2022-01-27');
  });

  it('reads en-GB slashed dates day first, and /2017/7/12/ in a URL', () => {
    const m = meta('<!doctype html><html lang="en-GB"><head></head><body><h1>UK university student halls too full</h1><p>The Guardian 02/10/2020 Anna Fazackerley</p></body></html>');
    expect(chooseDates(m, null, {}, 'mdy', null, 'en').published).toBe('2020-10-02');
    const m2 = meta(page('', '<p>x</p>'));
    expect(chooseDates(m2, 'https://www.example.de/home/2017/7/12/unter-uns', {}, 'dmy', null, 'de').published).toBe('2017-07-12');
  });

  it('reads a date after a "Datum:" label', () => {
    const m = meta(page('', '<h1>Radon im Boden</h1><p>Text</p><dl><dt>Datum</dt><dd>25.01.2022</dd></dl>'));
    expect(chooseDates(m, null, {}, 'dmy', null, 'de').published).toBe('2022-01-25');
    const m2 = meta(page('', '<h1>Messengerdienste</h1><p>Text</p><p>Datum: 26. Januar 2022</p>'));
    expect(chooseDates(m2, null, {}, 'dmy', null, 'de').published).toBe('2022-01-26');
  });

  it('takes the date under the headline, not the site header\'s "today"', () => {
    const m = meta(page('', '<header><div>Baku 4°C Tuesday, (08 Dec 2020) About Contact News.az</div><nav>Politics Region Sports World Economics Society Health Culture Tourism Music</nav></header><h1>Azerbaijan launches counteroffensive</h1><ul class="nav"><li><a title="x">13 Oct 2020 18:29</a></li></ul><p>Body text of the article goes on here.</p>'));
    expect(chooseDates(m, null, {}, 'mdy', null, 'en').published).toBe('2020-10-13T18:29');
  });

  it('takes a date line directly above the headline over one in the standfirst', () => {
    const m = meta(page('', '<div><a>Zurück zum Newsroom</a><p>06.12.2022</p><h1>Bürgerbeteiligung am Windpark Steinheim</h1><p>Vom 9.1. bis 10.2.2023 können Bürger investieren.</p></div>'));
    expect(chooseDates(m, null, {}, 'dmy', null, 'de').published).toBe('2022-12-06');
  });

  it('moves a UTC stamp to the local day of the site\'s country', () => {
    const ld = { '@type': 'NewsArticle', headline: 'X', datePublished: 'Wed, 04 May 2022 02:41:00 GMT' };
    const m = meta(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, '<h1>X</h1>'));
    expect(chooseDates(m, 'https://eldeber.com.bo/x', {}, 'dmy', null, 'es').published?.slice(0, 10)).toBe('2022-05-03');
  });

  it('settles disagreeing machine dates by the date shown under the headline', () => {
    const ld = { '@type': 'NewsArticle', headline: 'BH-Werbung', datePublished: '2023-11-03T10:25:56+00:00' };
    const m = meta(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script><meta property="article:published_time" content="2023-11-06T14:25:00+00:00">`,
      '<h1>BH-Werbung</h1><p>Von Katharina Schmidt · 6. November 2023, 15:25 Uhr</p>'));
    expect(chooseDates(m, null, {}, 'dmy', null, 'de').published?.slice(0, 10)).toBe('2023-11-06');
  });

  it('reads JSON-LD with a stray closing brace and HTML entities', () => {
    const m = meta(page('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Redacci&oacute;n &amp; Co","author":{"name":"Jos&eacute; P&#233;rez"},"datePublished":"2020-10-26T18:10:00+01:00"}}</script>', '<h1>x</h1>'));
    expect(m.ld[0]?.headline).toBe('Redacción & Co');
    expect(chooseAuthor(m, {}, null, null)).toBe('José Pérez');
    expect(chooseDates(m, null, {}, 'dmy', null, 'bs').published).toBe('2020-10-26T18:10');
  });

  it('reads a meta tag\'s slashed server date month first', () => {
    const m = meta(page('<html lang="de"><meta name="date" content="11/01/2023 12:43:42">', '<h1>T</h1>'));
    expect(chooseDates(m, null, {}, 'dmy', null, 'de').published?.slice(0, 10)).toBe('2023-11-01');
  });

  it('prefers the date shown under the headline to a "published" stamp refreshed on every save', () => {
    const m = meta(page('<meta property="article:published_time" content="2022-11-17T10:33:13.258+01:00"><meta property="article:modified_time" content="2022-11-17T10:32:18+01:00">',
      '<article><h1>Eignet sich eine Wärmepumpe im Altbau?</h1><p>von Alexander Rosenkranz <time datetime="2022-03-09">09.03.2022</time></p><p>Text</p></article>'));
    expect(chooseDates(m, null, {}, 'dmy', null, 'de').published).toBe('2022-03-09');
  });

  it('does not move a UTC stamp to a day no time zone reaches', () => {
    const m = meta(page('<meta name="dc.date.issued" content="2020-12-06T12:32:58+00:00">',
      '<h1>Fútbol</h1><p>Texto</p><aside><span class="date">05/12/2020 - 15:10</span></aside>'));
    expect(chooseDates(m, 'https://diario.com.co/x', {}, 'dmy', null, 'es').published?.slice(0, 10)).toBe('2020-12-06');
    // 02:41 UTC is still the evening before in the Americas.
    const m2 = meta(page('<meta property="article:published_time" content="2022-05-04T02:41:00Z">', '<h1>X</h1><p class="date">3 de mayo de 2022</p>'));
    expect(chooseDates(m2, null, {}, 'dmy', null, 'es').published?.slice(0, 10)).toBe('2022-05-03');
  });

  it('settles disagreeing machine dates by a date the page labels as its publication', () => {
    const m = meta(page('<meta property="og:article:published_time" content="2022-01-15">',
      '<h1>Schneesport mit Rücksicht auf Wildtiere</h1><p>Text</p><div class="meta"><time datetime="2022-01-25">25.01.2022</time></div><div class="article-date">Erscheinungsdatum 25.01.2022</div>'));
    expect(chooseDates(m, null, {}, 'dmy', null, 'de').published).toBe('2022-01-25');
  });

  it('skips a member\'s registration date near the headline', () => {
    const m = meta(page('', '<h2>Was ist Freie Software</h2><dl><dd>Registriert: 18.09.2008, 05:56</dd></dl><p>Beitrag von r23 » 21.01.2009, 05:42</p>'));
    expect(chooseDates(m, null, {}, 'dmy', null, 'de').published).not.toMatch(/^2008/);
  });

  it('reads the date line under an <h2> headline when the page has no <h1>', () => {
    const m = meta(page('<title>Gregory Szorc\'s Digital Home | Mercurial\'s Journey to Python 3</title>',
      '<h2 class="widget">Archives</h2><div class="post"><h2><a href="/blog/x">Mercurial\'s Journey to Python 3</a></h2><small>January 13, 2020 at 08:45 AM | categories: Mercurial</small><p>Text</p></div>'));
    expect(m.nearH1.slice(m.nearH1At).startsWith("Mercurial's Journey")).toBe(true);
    expect(chooseDates(m, null, {}, 'mdy', null, 'en').published).toBe('2020-01-13T08:45');
  });

  it('reads a label\'s date from the text beside it, and French "Mise en ligne"', () => {
    const m = meta(page('', '<h1>Messengerdienste</h1><ul class="info"><li><span>Datum:</span>26. Januar 2022</li></ul>'));
    expect(chooseDates(m, null, {}, 'dmy', null, 'de').published).toBe('2022-01-26');
    const m2 = meta(page('', '<h1>La voix des nuls</h1><ul><li><p class="title">Mise en ligne</p><p class="content">23 mai 2019</p></li></ul>'));
    expect(chooseDates(m2, null, {}, 'dmy', null, 'fr').published).toBe('2019-05-23');
  });

  it('reads datetime attributes in any case, and skips <time> in compound comment classes', () => {
    const m = meta(page('', '<h1>Pelea</h1><p><time dateTime="2022-05-04T07:59:48-04:00">07:59</time></p><div class="kb-comment"><time datetime="2022-05-06T10:00">6.5.</time></div>'));
    expect(m.timeDates).toEqual(['2022-05-04T07:59:48-04:00']);
    expect(m.asideTimeDates).toEqual(['2022-05-06T10:00']);
  });

  it('reads a date split over elements as one ("Feb 18" + "2009")', () => {
    const m = meta(page('', '<div class="post"><div class="date"><span>Feb 18</span><span>2009</span></div><p>Text</p></div>'));
    expect(m.dateTexts[0]).toBe('Feb 18 2009');
    expect(chooseDates(m, null, {}, 'mdy', null, 'de').published).toBe('2009-02-18');
  });

  it('keeps the published stamp when the page was edited later', () => {
    const m = meta(page('<meta property="article:published_time" content="2022-11-17T10:33:13+01:00"><meta property="article:modified_time" content="2022-12-01T10:32:18+01:00">',
      '<article><h1>Titel</h1><p><time datetime="2022-03-09">09.03.2022</time></p></article>'));
    expect(chooseDates(m, null, {}, 'dmy', null, 'de').published).toBe('2022-11-17T10:33');
  });
});
