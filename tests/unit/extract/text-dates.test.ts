// Date lines as pages saved as text print them: the article's date, not an update, an
// expiry, a copyright or the day the page was saved, and never a relative time.
import { describe, expect, it } from 'vitest';
import { dateOfLine, deglue, isRelativeDateLine } from '../../../electron/import/extract/text-dates.ts';

describe('a date line', () => {
  it.each([
    ['Veröffentlicht am 06.12.2022', '2022-12-06'],
    ['PUBLISHED: November 8, 2023 at 4:56 p.m. | UPDATED: November 8, 2023 at 6:00 p.m.', '2023-11-08T16:56'],
    ['Publié sur 18/02/2020', '2020-02-18'],
    ['sexta-feira, 22 de outubro de 2010 às 20:13', '2010-10-22T20:13'],
    ['16. Mai 2019 Markus Elsberger Netzwerk, Windows 2', '2019-05-16'],
    ['26 | 01 | 2022 Schweiz | Praxis | Video', '2022-01-26'],
  ])('%s → %s', (line, iso) => {
    expect(dateOfLine(line)?.iso).toBe(iso);
  });

  it('reads dates a text browser glued to their neighbours', () => {
    expect(dateOfLine('AvatarAvatarNicole Collignon22. Februar 2020')?.iso).toBe('2020-02-22');
    expect(dateOfLine('17/11/201917/11/2019 ~ Cem Basman', { slashOrder: 'dmy' })?.iso).toBe('2019-11-17');
    expect(deglue('Posted on28. Juli 2019AuthorJane Doe')).toBe('Posted on 28. Juli 2019 Author Jane Doe');
  });

  it('marks an update as such, so that a publication date wins over it', () => {
    expect(dateOfLine('Aktualisiert: 11.04.2020, 10:27')).toEqual({ iso: '2020-04-11T10:27', updated: true });
    expect(dateOfLine('Article mis à jour le 7 janvier 2020.')?.updated).toBe(true);
  });

  it('never gives an expiry, a copyright or the save date', () => {
    expect(dateOfLine('Video verfügbar bis 28.02.2021')).toBeNull();
    expect(dateOfLine('© 20.09.2020 kochbar.de')).toBeNull();
    expect(dateOfLine('Saved 12 March 2024')).toBeNull();
  });

  it('is short: a sentence that mentions a date is not a date line', () => {
    expect(dateOfLine('Die Regierung hat am 3. März 2021 beschlossen, dass die Regeln bis zum Sommer gelten sollen, sagte ein Sprecher am Abend.')).toBeNull();
  });
});

describe('a relative time', () => {
  it.each(['vor 11 Minuten', '2 hours ago', 'il y a 3 jours', 'hace 2 horas', 'há 5 minutos', '3 ore fa', 'gestern', 'Heute, 10:30 Uhr', 'yesterday'])('%s is a date line with no date', (line) => {
    expect(isRelativeDateLine(line)).toBe(true);
    expect(dateOfLine(line)).toBeNull();
  });

  it('is not a sentence that starts like one', () => {
    expect(isRelativeDateLine('vor 11 Minuten hat die Polizei den Bahnhof geräumt')).toBe(false);
    expect(isRelativeDateLine('2 hours of music')).toBe(false);
  });
});
