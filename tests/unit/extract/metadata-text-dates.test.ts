import { describe, expect, it } from 'vitest';
import { datelineNearHeadline } from '../../../electron/import/extract/text-dates.ts';

describe('datelineNearHeadline', () => {
  const page = [
    'Dienstag, 8. Dezember 2020   Suche   Login',
    'Politik Wirtschaft Sport',
    'Ultium Cells erhöht Gigafactory-Kapazität in Tennessee',
    '',
    '   Veröffentlicht am 06.12.2022',
    '',
    'Das Batteriezellen-Joint-Venture von GM und LG hat angekündigt, die Kapazität seiner Fabrik zu erhöhen. Die Produktion soll Ende 2023 beginnen.',
  ].join('\n');

  it('finds the date line under the headline, not the header\'s "today"', () => {
    expect(datelineNearHeadline(page, 'Ultium Cells erhöht Gigafactory-Kapazität in Tennessee')).toBe('2022-12-06');
  });

  it('skips update, expiry and copyright dates', () => {
    const t = ['Tomaten richtig schneiden', 'Aktualisiert am 23.09.2020', 'Video verfügbar bis 28.02.2021', '© 2020 kochbar.de', 'am 20.09.2020', 'Text'].join('\n');
    expect(datelineNearHeadline(t, 'Tomaten richtig schneiden')).toBe('2020-09-20');
  });

  it('reads a date line just above the headline when none is below', () => {
    const t = ['Rubrik', 'Le 3 mars 2021', 'Un titre assez long pour compter', 'Premier paragraphe du texte, qui raconte toute une histoire sans date.'].join('\n');
    expect(datelineNearHeadline(t, 'Un titre assez long pour compter')).toBe('2021-03-03');
  });

  it('does not take a sentence that mentions a date for a date line', () => {
    const t = ['Ein Titel für den Test hier', 'Die Regierung hat am 3. März 2021 beschlossen, dass die Regeln bis zum Sommer gelten sollen, sagte ein Sprecher.'].join('\n');
    expect(datelineNearHeadline(t, 'Ein Titel für den Test hier')).toBeNull();
  });

  it('gives up without a headline it can find', () => {
    expect(datelineNearHeadline(page, 'Something else entirely')).toBeNull();
    expect(datelineNearHeadline(page, null)).toBeNull();
  });

  it('is bounded on hostile input', () => {
    const t0 = performance.now();
    datelineNearHeadline('Headline here\n' + '12. '.repeat(200_000), 'Headline here');
    datelineNearHeadline('x\n'.repeat(200_000), 'Headline here');
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
