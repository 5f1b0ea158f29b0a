import { describe, expect, it } from 'vitest';
import { cleanByline } from '../../../electron/import/extract/bylines.ts';

describe('cleanByline', () => {
  const cases: [string, string | null][] = [
    ['By AFP', 'AFP'],
    ['By Jane Doe and John Roe', 'Jane Doe; John Roe'],
    ['Von Heike Buchter', 'Heike Buchter'],
    ['Par Jean Dupont et Marie Curie', 'Jean Dupont; Marie Curie'],
    ['Por María García y José Pérez', 'María García; José Pérez'],
    ['Di Mario Rossi', 'Mario Rossi'],
    ['VON MORITZ GATHMANN am 21. April 2020', 'MORITZ GATHMANN'],
    ['Jane Doe, 20 September 2019', 'Jane Doe'],
    ['By Jane Doe | Staff reporter', 'Jane Doe'],
    ['Jane Doe, Political Editor', 'Jane Doe'],
    ['By Alex Bozarjian Thursday, March 3, 2022', 'Alex Bozarjian'],
    ['Interview: Harald Willenbrock', 'Harald Willenbrock'],
    ['Автор: Иван Петров', 'Иван Петров'],
    ['Von: Moritz Pieczewski-Freimuth', 'Moritz Pieczewski-Freimuth'],
    ['Text & Fotos: Ivan Valetny', 'Ivan Valetny'],
    ['Alles von Martin Junker', 'Martin Junker'],
    ['Johanna Kropfitsch Alle Artikel', 'Johanna Kropfitsch'],
    ['Inga Hoeltmann Follow Transformationsbegleiterin', 'Inga Hoeltmann'],
    ['E. BARRENECHE / J. I. DA SILVA', 'E. BARRENECHE; J. I. DA SILVA'],
    ['Grant Tinsley, PhD', 'Grant Tinsley'],
    ['Ein Artikel von Pamela Sladky', 'Pamela Sladky'],
    ['Escrito por Ana Souza e Pedro Lima', 'Ana Souza; Pedro Lima'],
    ['Par : Jean Dupont', 'Jean Dupont'],
    ['~ Cem Basman', 'Cem Basman'],
    ['von Redaktion, 24. Januar 2022', 'Redaktion'],
    ['Posted by Nathan Parker, Varun Khaneja, Eric Mill and Kiran C Nair - Chrome Safe Browsing team', 'Nathan Parker; Varun Khaneja; Eric Mill; Kiran C Nair'],
    ['Jane Doe – Berlin', 'Jane Doe'],
    ['— Jane Doe', 'Jane Doe'],
    ['By Jean-Luc Picard', 'Jean-Luc Picard'],
    ['Posted by Nesselsetzer under', 'Nesselsetzer'],
    ['Par Jean Dupont dans Politique', 'Jean Dupont'],
    ['Posted by Jane Doe in News, Politics', 'Jane Doe'],
    ['von Brigitte Meier in Allgemein', 'Brigitte Meier'],
    ['Lisa Meier im Gespräch mit Tom Kurz', 'Lisa Meier; Tom Kurz'],
    ['Autorin: Uta Staschewski, Projektleiterin der HSS in Tunesien.', 'Uta Staschewski'],
    ['05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher des EJW)', 'Eberhard Fuhr'],
    ['Stefanus Stefanus Stahl - Maschinenbauer, Abenteurer', 'Stefanus Stahl'],
    ['Jean Jean-Pierre Dupont', 'Jean Jean-Pierre Dupont'],
    ['Redacción', 'Redacción'],
    ['Jane Doe Redaktion', 'Jane Doe'],
    ['von gizzmo', 'gizzmo'],
    ['By oradmin', 'oradmin'],
    ['gizzmo', null],
    ['Geschrieben von', null],
    ['No Author', null],
    ['Facebook', null],
    ['Posted', null],
    ['https://www.facebook.com/someone', null],
    ['jane@example.com', null],
    ['', null],
  ];
  for (const [input, want] of cases) {
    it(JSON.stringify(input), () => expect(cleanByline(input)).toBe(want));
  }

  it('accepts a user handle only from evidence that names the author', () => {
    expect(cleanByline('jesusfreak', { trusted: true })).toBe('jesusfreak');
    expect(cleanByline('Herr_Rein', { trusted: true })).toBe('Herr_Rein');
    expect(cleanByline('delta201', { trusted: true })).toBe('delta201');
    expect(cleanByline('https://example.com/author/x', { trusted: true })).toBeNull();
    expect(cleanByline('12345', { trusted: true })).toBeNull();
    expect(cleanByline('jesusfreak')).toBeNull();
  });

  it('stays fast on hostile input', () => {
    const t0 = performance.now();
    cleanByline('By ' + 'a '.repeat(100_000));
    cleanByline('Von ' + 'Alle Artikel '.repeat(10_000), { trusted: true });
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
