// A page saved as text read the way a person reads it: past the menus, breadcrumbs, section
// labels and share buttons to the headline, the byline and the date line, in the languages
// of the corpus; a relative time is no publication date, and a page with a headline never
// comes out without a title.
import { describe, expect, it } from 'vitest';
import { extractFromBytes } from '../../../electron/import/extract-file.ts';

const read = (lines: string[]) => extractFromBytes(new TextEncoder().encode(lines.join('\n')), 'page.txt');

const de = [
  'Wir alle haben Bedürfnisse, mal mehr, mal weniger, aber der Effekt ist derselbe: Wenn sie nicht befriedigt werden, sind wir traurig, wütend und enttäuscht.',
  'Bei vielen Bedürfnissen wie Essen oder Schlafen kann man selbst halbwegs einfach Abhilfe schaffen, bei anderen ist das schwieriger, weil eine zweite Person nötig ist.',
  'Ein wichtiger Aspekt ist hier aus meiner Sicht, wie man damit umgeht, denn die Situationen, in denen man unbefriedigt bleibt, können vielfältig sein.',
];
const es = [
  'El investigador chileno y director del Grupo de Búsqueda aseguró que la mayoría de los vehículos robados en su país terminan en manos de autoridades del país vecino.',
  'Además, el ministro de Gobierno instruyó la intervención de la dirección encargada de prevenir el robo de vehículos, tras la difusión del reportaje en televisión.',
  'El reportaje mostró la recuperación de una vagoneta robada en Chile que había sido vendida en un mercado de la ciudad sin ningún documento de importación.',
];
const en = [
  'Over the past few years we have seen threats on the web becoming increasingly sophisticated, and phishing sites now rotate their domains very quickly to avoid being blocked.',
  'That is why today we are announcing a new protection mode for people who want a more advanced level of security while they browse the web and download files.',
  'Turning it on will substantially increase protection from dangerous websites and downloads, by sharing real-time data with the service that checks them.',
];

describe('the header of a page saved as text', () => {
  it('finds the headline under the menu, the tagline and the breadcrumb trail', () => {
    const x = read([
      'Deviante Pfade', 'Menu', '', '  • Newsletter', '  • Über uns', '  • Impressum und Datenschutz', '',
      'Kommunikation – Lebensentwürfe – Rollenbilder', 'Durchsuchen: Home » Unbefriedigt', '',
      'Unbefriedigt', '', '8. Januar 2020 · by Aureliana · in Gefühle', '', ...de.flatMap((p) => [p, '']),
    ]);
    expect(x.title).toBe('Unbefriedigt');
    expect(x.author).toBe('Aureliana');
    expect(x.publishedAt).toBe('2020-01-08');
    expect(x.bodyText.startsWith('Wir alle haben')).toBe(true);
    expect(x.bodyText).not.toContain('Aureliana');
  });

  it('takes the headline, not the section label above it or the deck under it', () => {
    const x = read([
      'Santa Cruz', '', 'SANTA CRUZ', '',
      'Investigador chileno asegura que no publicó todo su material sobre los autos robados', '',
      'Hugo Bustos asegura que de haberlo hecho habría causado un escándalo mayor', '',
      'Ariel Melgar Cabrera 3/5/2022 22:41', '', ...es.flatMap((p) => [p, '']),
    ]);
    expect(x.title).toBe('Investigador chileno asegura que no publicó todo su material sobre los autos robados');
    expect(x.author).toBe('Ariel Melgar Cabrera');
    // Outside English a numeric date reads day first.
    expect(x.publishedAt).toBe('2022-05-03T22:41');
  });

  it('does not take a relative time for the publication date, nor for the headline', () => {
    const x = read([
      'News Test', '', 'Das neue Rennrad im ersten Test – ein Newcomer mit Ambitionen', '',
      'vor 11 Minuten', 'von Rudolf Fischer, Simon Kohler', '', ...de.flatMap((p) => [p, '']),
    ]);
    expect(x.title).toBe('Das neue Rennrad im ersten Test – ein Newcomer mit Ambitionen');
    expect(x.author).toBe('Rudolf Fischer; Simon Kohler');
    expect(x.publishedAt).toBeNull();
    expect(x.bodyText).not.toContain('vor 11 Minuten');
  });

  it('passes over share buttons and a dated teaser list to the article under its byline', () => {
    const x = read([
      'Latest', '', 'Final Fantasy XIV', 'Release: 27.08.2013', '', 'World of Warcraft', 'Release: 11.02.2005', '',
      'Diablo IV', 'Release: 06.06.2023', '', 'Share this on WhatsApp', 'Share this with Twitter', '',
      'Enhanced protection now available in your browser', '', 'May 19, 2020', 'Posted by Nathan Parker and Eric Mill', '',
      ...en.flatMap((p) => [p, '']),
    ]);
    expect(x.title).toBe('Enhanced protection now available in your browser');
    expect(x.author).toBe('Nathan Parker; Eric Mill');
    expect(x.publishedAt).toBe('2020-05-19');
  });

  it('reads a byline and date printed at the foot of a blog post', () => {
    const x = read([
      'Daniel’s blog', '', 'JSON parsing compared, with a few surprises', '', ...en.flatMap((p) => [p, '']),
      'Published by', '', 'Daniel Lemire', '', 'Posted on August 2, 2019August 2, 2019Author Daniel LemireCategories', '',
      '5 thoughts on “JSON parsing compared, with a few surprises”',
    ]);
    expect(x.title).toBe('JSON parsing compared, with a few surprises');
    expect(x.author).toBe('Daniel Lemire');
    expect(x.publishedAt).toBe('2019-08-02');
  });

  it('sets a flush-left heading apart from indented prose (lynx), its byline on two lines', () => {
    const x = read([
      '   Jungle.World', '', '   26.10.2023', '   Der Begriff hat heutzutage keinen analytischen Wert', '',
      'Das Imperialismus-Phantom', '',
      '   Die heutigen Konflikte lassen sich mit dem Begriff nicht erklären. Sie sind Teil eines Weltbürgerkriegs.',
      '   Disko Von', '   Ernst Lohoff', '', ...de.map((p) => `   ${p}`).flatMap((p) => [p, '']),
    ]);
    expect(x.title).toBe('Das Imperialismus-Phantom');
    expect(x.author).toBe('Ernst Lohoff');
    expect(x.publishedAt).toBe('2023-10-26');
  });

  it('never leaves the title empty when the text starts with its headline', () => {
    const x = read(['Copy & paste from tmux to the system clipboard', '', ...en.flatMap((p) => [p, ''])]);
    expect(x.title).toBe('Copy & paste from tmux to the system clipboard');
  });
});
