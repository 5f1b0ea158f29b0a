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
    ['Posted', null],
    ['https://www.facebook.com/someone', null],
    ['jane@example.com', null],
    ['', null],
  ];
  for (const [input, want] of cases) {
    it(JSON.stringify(input), () => expect(cleanByline(input)).toBe(want));
  }
});
