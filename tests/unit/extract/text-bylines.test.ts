// Bylines as pages saved as text print them, in the languages of the corpus: the author a
// person would read off the line, and nothing from a line that only looks like one.
import { describe, expect, it } from 'vitest';
import { bylineOfLine, endsWithLead, namesOfLine } from '../../../electron/import/extract/text-bylines.ts';

describe('a byline line', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['Von Heike Buchter', 'Heike Buchter'],
    ['Par Barbara Stiegler', 'Barbara Stiegler'],
    ['por Raúl Espina 4 mayo, 2022', 'Raúl Espina'],
    ['Posted by Konstantin 21.10.2019', 'Konstantin'],
    ['Autor: Die Redaktion', 'Die Redaktion'],
    ['Kolumnist*in: Evan Tepest', 'Evan Tepest'],
    ['Text & Fotos: Ivan Valetny [icn_commen] 0 [icn_views]337', 'Ivan Valetny'],
    ['Текст: Лида Буслаева', 'Лида Буслаева'],
  ])('%s → %s', (line, name) => {
    expect(bylineOfLine(line)).toBe(name);
  });

  it('finds the name after a date and a separator', () => {
    expect(bylineOfLine('8. Januar 2020 · by Aureliana · in Gefühle')).toBe('Aureliana');
    expect(bylineOfLine('Monday November 18, 2019 7:45 am PST by Joe Rossignol')).toBe('Joe Rossignol');
  });

  it('reads runs a text browser glued together', () => {
    expect(bylineOfLine('Posted on28. Juli 201928. Juli 2019AuthorAndreas Kalt4 Kommentare')).toBe('Andreas Kalt');
    expect(bylineOfLine('Geschrieben vonElisa Marvena')).toBe('Elisa Marvena');
    expect(bylineOfLine('By Chris Pokorny@DawgsByNature Nov 18, 2019, 11:47am EST')).toBe('Chris Pokorny');
  });

  it('leaves out the date, the labels and the profile links after the name', () => {
    expect(bylineOfLine('von Sonia Mevißen Erstellt am 01.01.23 um 08:35, geändert am 01.01.23 um 08:35')).toBe('Sonia Mevißen');
    expect(bylineOfLine('von Claudio Kummerfeld Twitter Account von Claudio Kummerfeld')).toBe('Claudio Kummerfeld');
    expect(bylineOfLine('By Kashmira Gander On 11/13/19 at 4:00 PM EST')).toBe('Kashmira Gander');
  });

  it('does not take a preposition inside a headline for a byline', () => {
    expect(bylineOfLine('US-Sport in Zeiten von Corona')).toBeNull();
    expect(bylineOfLine('Christoph von Eichhorn')).toBeNull();
    expect(bylineOfLine('teilen tweeten teilen Mail Forum Autor kontaktieren')).toBeNull();
  });
});

describe('a bare name beside the date line', () => {
  it('reads one name or several', () => {
    expect(namesOfLine('Christoph von Eichhorn')).toBe('Christoph von Eichhorn');
    expect(namesOfLine('Ibtisam Mahdi, Ruwaida Kamal Amer')).toBe('Ibtisam Mahdi; Ruwaida Kamal Amer');
  });

  it('reads the name run into a date line', () => {
    expect(namesOfLine('Michael Mäser, 02.02.2022')).toBe('Michael Mäser');
    expect(namesOfLine('16. Mai 2019 Markus Elsberger Netzwerk, Windows 2')).toBe('Markus Elsberger');
    expect(namesOfLine('Avatar Frank Hahn am 18. September 2019')).toBe('Frank Hahn');
  });

  it('takes a handle only after a lead word', () => {
    expect(namesOfLine('delta201')).toBeNull();
    expect(namesOfLine('delta201', {}, true)).toBe('delta201');
    expect(endsWithLead('Tipps von')).toBe(true);
    expect(endsWithLead('Tipps von Freunden')).toBe(false);
  });

  it('is not a label, a place or a sentence', () => {
    expect(namesOfLine('Letzte Aktualisierung')).toBeNull();
    expect(namesOfLine('Lübeck, 31. März 2003')).toBeNull();
    expect(namesOfLine('Die Regierung hat am Montag neue Regeln beschlossen.')).toBeNull();
  });
});
