// The import's faster stand-ins for library code must give the libraries' own answers:
// franc-min's language guess, and the two Readability helpers replaced on linkedom. Each is
// compared with the original on real pages from the corpus.
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { franc } from 'franc-min';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { guessLanguage } from '../../../electron/import/extract/trigram-language.ts';
import { elementWithoutContent, elementsWithTag, hasText, inlineStyleValue, isProbablyVisible, isValidByline, readabilitySpedUp, stockHelpers } from '../../../electron/import/extract/readability-speedups.ts';
import { parsePage } from '../../../electron/import/extract/html-parse.ts';
import { CORPUS } from '../../helpers/temp-library.ts';

/** Every 12th page of each dataset of the developer corpus. */
function pages(): { name: string; html: string }[] {
  const out: { name: string; html: string }[] = [];
  for (const dataset of ['aeb', 'trafilatura', 'htmldate']) {
    const dir = path.join(CORPUS, 'extraction', 'dev', dataset, 'html');
    readdirSync(dir).filter((f) => f.endsWith('.gz')).sort().filter((_, i) => i % 12 === 0)
      .forEach((f) => out.push({ name: `${dataset}/${f}`, html: gunzipSync(readFileSync(path.join(dir, f))).toString('utf8') }));
  }
  return out;
}
const sample = pages();

describe('language guess', () => {
  it("is franc-min's answer on real text of every length, script and language", () => {
    const texts: string[] = [
      '', 'short', '1234567890 1234567890 1234567890 1234567890 12345',
      '東京都は3日、新型コロナウイルスの感染者が新たに確認されたと発表した。都内の感染者は累計で',
      '서울시는 3일 신종 코로나바이러스 감염증 확진자가 새로 확인됐다고 밝혔다. 서울의 누적 확진자는',
      'Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για την ενίσχυση της οικονομίας και των μικρών επιχειρήσεων.',
      'Правительство объявило сегодня о новых мерах поддержки экономики и малого бизнеса в регионах страны.',
      'أعلنت الحكومة اليوم عن إجراءات جديدة لدعم الاقتصاد والشركات الصغيرة في مختلف المناطق',
      // Outside the BMP: 15 Latin letters as surrogate pairs (each one match, not two) against 19
      // Cyrillic ones, emoji, and lone halves.
      '\ud801\udf80\ud801\udf81\ud801\udf82\ud801\udf83\ud801\udf84 \ud801\udf85\ud801\udf87\ud801\udf88\ud801\udf89\ud801\udf8a\ud801\udf8b\ud801\udf8c\ud801\udf8d\ud801\udf8e\ud801\udf8f здравствуйте мир друг',
      '😀 The government announced new measures 🎉 to support the economy 👍 and small businesses today',
      'Die Regierung kündigte \ud800 heute neue Maßnahmen \udc00 zur Unterstützung der Wirtschaft an',
    ];
    for (const { html } of sample) {
      const text = html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
      for (const [start, len] of [[0, 60], [Math.floor(text.length / 2), 400], [Math.floor(text.length / 3), 2500]]) texts.push(text.slice(start, start + len));
    }
    const answers = new Set<string>();
    for (const t of texts) {
      const ours = guessLanguage(t, 40);
      expect(ours, t.slice(0, 80)).toBe(franc(t, { minLength: 40 }));
      answers.add(ours);
    }
    // Lower-casing lengthens text with "İ" (two code units): 2,010 characters of varied
    // letters, then a German sentence, hold more distinct trigrams than the sample's length.
    const letters = Array.from({ length: 0x250 - 0xe0 }, (_, i) => String.fromCharCode(0xe0 + i)).filter((c) => /\p{Ll}/u.test(c));
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    let varied = '';
    while (varied.length < 2010) varied += random() < 0.05 ? 'İ' : letters[Math.floor(random() * letters.length)];
    const german = `${varied} Die Regierung kündigte heute neue Maßnahmen zur Unterstützung der Wirtschaft an`.slice(0, 2048);
    expect(guessLanguage(german, 40)).toBe(franc(german, { minLength: 40 }));
    // The sample really spans several languages and scripts (and the "too short" answer).
    expect(answers.size).toBeGreaterThanOrEqual(8);
    expect(answers).toContain('und');
    expect(answers).toContain('jpn');
  });
});

describe('Readability helpers on linkedom', () => {
  it('are in place', () => {
    expect(readabilitySpedUp).toBe(true);
  });

  it('find the elements querySelectorAll finds, in the same order', () => {
    const lists = [['p'], ['h1', 'h2'], ['table', 'ul', 'div', 'dl'], ['img', 'picture', 'figure'], ['script', 'noscript'], ['br'], ['a']];
    let compared = 0;
    for (const { name, html } of sample) {
      const doc = parsePage(html);
      const roots: (Document | Element)[] = [doc, ...Array.from(doc.querySelectorAll('article, main, div')).slice(0, 3)];
      for (const root of roots) {
        for (const tags of lists) {
          const want = Array.from(stockHelpers.getAllNodesWithTag!.call(null, root, tags));
          const got = elementsWithTag(root, tags);
          expect(got.length, `${name} ${tags}`).toBe(want.length);
          expect(got.every((el, i) => el === want[i]), `${name} ${tags}`).toBe(true);
          compared += got.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it("leave out what sits inside a <template>, as linkedom's selectors do", () => {
    const doc = parsePage('<html><body><p id="a">one</p><template><p>inert</p><div><p>inert</p></div></template><div><p id="b">two</p></div></body></html>');
    for (const tags of [['p'], ['p', 'div']]) {
      const want = Array.from(stockHelpers.getAllNodesWithTag!.call(null, doc, tags));
      expect(elementsWithTag(doc, tags)).toEqual(want);
    }
    expect(elementsWithTag(doc, ['p']).map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('find the elements Readability makes itself, named in upper case', () => {
    const doc = parsePage('<html><body><div id="box"><p id="a">one</p></div></body></html>');
    const made = doc.createElement('P');
    made.id = 'made';
    doc.getElementById('box')!.appendChild(made);
    for (const tags of [['p'], ['P'], ['p', 'div']]) {
      const want = Array.from(stockHelpers.getAllNodesWithTag!.call(null, doc, tags));
      expect(elementsWithTag(doc, tags), String(tags)).toEqual(want);
    }
    expect(elementsWithTag(doc, ['p']).map((p) => p.id)).toEqual(['a', 'made']);
  });

  it('recognise the bylines Readability recognises', () => {
    const self = { REGEXPS: { byline: /byline|author|dateline|writtenby|p-author/i } };
    let bylines = 0;
    let compared = 0;
    for (const { html } of sample.slice(0, 30)) {
      const doc = parsePage(html);
      for (const el of Array.from(doc.querySelectorAll('div, span, p, a, address, li'))) {
        const match = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
        const want = stockHelpers.isValidByline!.call(self, el, match);
        expect(isValidByline.call(self, el, match), el.outerHTML.slice(0, 200)).toBe(want);
        if (want) bylines++;
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5000);
    expect(bylines).toBeGreaterThan(5);
  });

  it('tell elements without text as Readability does, without building their text', () => {
    // Readability's own object, so the stock helper runs with its real `this`.
    const self = new Readability(parsePage('<html><body></body></html>')) as never;
    const tricky = parsePage(
      '<html><body><div id="a">  \u00a0 <span>\ufeff\u2003</span>\u3000</div><div id="b"> <i></i>\n\n<i> x</i></div>' +
        '<div id="c"><br><hr></div><div id="d"><span> </span></div><div id="e"></div></body></html>',
    );
    let compared = 0;
    let empty = 0;
    for (const doc of [tricky, ...sample.slice(0, 40).map(({ html }) => parsePage(html))]) {
      for (const el of Array.from(doc.querySelectorAll('*'))) {
        const where = el.outerHTML.slice(0, 160);
        expect(hasText(el), where).toBe((el.textContent ?? '').trim().length > 0);
        const want = stockHelpers.isElementWithoutContent!.call(self, el);
        expect(elementWithoutContent.call(self, el), where).toBe(want);
        if (want) empty++;
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20_000);
    expect(empty).toBeGreaterThan(100);
    const without = (id: string) => elementWithoutContent.call(self, tricky.getElementById(id)!);
    expect([without('a'), without('b'), without('c'), without('d'), without('e')]).toEqual([false, false, true, false, true]);
  });

  it('judge visibility as Readability does, reading inline styles as linkedom does', () => {
    const styles = ['display:none', 'display: none;', 'DISPLAY:none', 'display:none !important', 'color:red; display : none', 'display:none;display:block', 'display:block;display:none', 'visibility:hidden', 'visibility: hidden ;color:red', 'visibility:collapse', 'background:url(a:b); display:none', ':none', 'display:', ''];
    const html = `<body>${styles.map((s, i) => `<div id="s${i}" style="${s}">x</div>`).join('')}<p hidden>h</p><p aria-hidden="true">a</p><p aria-hidden="true" class="mwe-math-fallback-image-inline">m</p><p aria-hidden="false">v</p><svg><g style="display:none"></g></svg></body>`;
    const doc = parsePage(html);
    const els = Array.from(doc.querySelectorAll('div, p, svg, g'));
    expect(els.length).toBeGreaterThan(styles.length + 4);
    for (const el of els) expect(isProbablyVisible(el), el.outerHTML).toBe(Boolean(stockHelpers.isProbablyVisible!.call(null, el)));
    expect(isProbablyVisible(doc.getElementById('s0')!)).toBe(false);
    expect(isProbablyVisible(doc.getElementById('s5')!)).toBe(true);
    expect(inlineStyleValue('a:1; display : none ;b:2', 'display')).toBe('none');
  });
});

describe('Readability as patched at install (scripts/patch-dependencies.mjs)', () => {
  it('keeps a copy of the page for its retries, not its HTML', () => {
    const search = String((Readability.prototype as unknown as { _grabArticle: () => unknown })._grabArticle);
    expect(search).toContain('pageCache.cloneNode(true)');
    expect(search).not.toContain('page.innerHTML = pageCacheHtml');
  });

  it('still finds the article of a page that needs a retry with looser rules', () => {
    // Too little text under the first rules (the only block is marked as a sidebar), so a
    // second search runs on the copy of the page, with unlikely candidates kept.
    const story = 'The harbour board voted on Tuesday to repair the old pier before the summer season opens, after engineers found rot in a third of its timbers. '.repeat(4);
    const doc = parsePage(`<html><body><div class="sidebar"><p>${story}</p><p>${story}</p></div></body></html>`);
    const article = new Readability(doc, { charThreshold: 400 }).parse();
    expect(article?.textContent).toContain('The harbour board voted on Tuesday');
    expect(article!.length).toBeGreaterThan(400);
  });
});

describe('linkedom as patched at install (scripts/patch-dependencies.mjs)', () => {
  it('keeps class attributes as written, makes class lists when asked, and keeps both in step', () => {
    const doc = parsePage('<html><body><div id="x" class="story  lead story">t</div><p id="y">u</p></body></html>');
    const x = doc.getElementById('x')!;
    // Patched: the parser no longer rewrites the attribute through a token list.
    expect(x.getAttribute('class')).toBe('story  lead story');
    expect(x.className).toBe('story  lead story');
    expect(x.classList.contains('lead')).toBe(true);
    expect(x.classList.length).toBe(2);
    x.classList.add('wide');
    expect(x.getAttribute('class')).toBe('story lead wide');
    const y = doc.getElementById('y')!;
    expect(y.className).toBe('');
    y.className = 'note';
    expect(y.getAttribute('class')).toBe('note');
    expect(y.classList.contains('note')).toBe(true);
    y.setAttribute('class', 'aside');
    expect(y.className).toBe('aside');
    expect(y.classList.contains('note')).toBe(false);
  });
});
