import { describe, expect, it } from 'vitest';
import { hostLabels, stripSiteSuffix } from '../../../electron/import/extract/titles.ts';

describe('stripSiteSuffix', () => {
  it('drops a site name that the page names', () => {
    expect(stripSiteSuffix('Kremlin says Maduro to visit Russia | The Guardian Nigeria News', ['The Guardian Nigeria News'])).toBe('Kremlin says Maduro to visit Russia');
    expect(stripSiteSuffix('Bohren, bis es heiß wird | ZEIT ONLINE', hostLabels('www.zeit.de'))).toBe('Bohren, bis es heiß wird');
    expect(stripSiteSuffix('Le Monde.fr - Emmanuel Macron annonce un remaniement', ['Le Monde'])).toBe('Emmanuel Macron annonce un remaniement');
    expect(stripSiteSuffix('Путин встретился с Мадуро — РИА Новости', ['РИА Новости'])).toBe('Путин встретился с Мадуро');
  });
  it('drops a short trailing segment after a bar even unnamed', () => {
    expect(stripSiteSuffix('Brothel catering to politicians busted in Boston | Herald', [])).toBe('Brothel catering to politicians busted in Boston');
  });
  it('keeps title parts that read like a clause', () => {
    expect(stripSiteSuffix('Bericht zur Coronalage vom 22.04.2020 – worauf wartet die Politik?', [])).toBe('Bericht zur Coronalage vom 22.04.2020 – worauf wartet die Politik?');
    expect(stripSiteSuffix('Tanz in der St. Galler Lokremise: Mit allen Wassern gewaschen', ['tagblatt'])).toBe('Tanz in der St. Galler Lokremise: Mit allen Wassern gewaschen');
  });
  it('drops template boilerplate segments', () => {
    expect(stripSiteSuffix('Four Years Remaining » Blog Archive » Interning of Small Integers in Python', ['Four Years Remaining'])).toBe('Interning of Small Integers in Python');
    expect(stripSiteSuffix('Startseite - Neue Regeln für den Radverkehr in der Stadt', [])).toBe('Neue Regeln für den Radverkehr in der Stadt');
    expect(stripSiteSuffix('News', [])).toBe('News');
  });
  it('drops a leading date segment', () => {
    expect(stripSiteSuffix('23.01.2022 - Dorothea Wierer darf beim Antholz-Abschluss noch jubeln', [])).toBe('Dorothea Wierer darf beim Antholz-Abschluss noch jubeln');
  });
  it('is bounded on a pathological title', () => {
    const t0 = performance.now();
    stripSiteSuffix(' | '.repeat(50_000) + 'x');
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
