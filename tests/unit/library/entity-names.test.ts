// One name per entity, the pure part: folding, titles, a surname linked to the clip's full name.
import { describe, expect, it } from 'vitest';
import { entityName, foldName, groupMentions, type EntitySpan } from '../../../electron/library/entity-names.ts';

const span = (type: EntitySpan['type'], text: string, start = 0): { span: EntitySpan; inBody: boolean } => ({
  span: { type, text, start, end: start + text.length },
  inBody: true,
});

describe('entity names', () => {
  it('fold case, diacritics, punctuation and a possessive', () => {
    expect(foldName('Nicolás  MADURO’s')).toBe('nicolas maduro');
    expect(foldName('Gerhard Schröder')).toBe('gerhard schroder');
    expect(foldName('U.S.')).toBe('u s');
  });

  it('drop titles from people, in several languages, and keep the name as written', () => {
    expect(entityName('PER', 'President Maduro')).toEqual({ key: 'maduro', name: 'Maduro' });
    expect(entityName('PER', 'Präsident Wladimir Putin')).toEqual({ key: 'wladimir putin', name: 'Wladimir Putin' });
    expect(entityName('PER', 'Sr. Nicolás Maduro')).toEqual({ key: 'nicolas maduro', name: 'Nicolás Maduro' });
    expect(entityName('PER', 'Mr Peskov')).toEqual({ key: 'peskov', name: 'Peskov' });
    // A title alone is not dropped to nothing; places keep theirs ("Saint Petersburg").
    expect(entityName('PER', 'President')?.key).toBe('president');
    expect(entityName('LOC', 'Saint Petersburg')?.key).toBe('saint petersburg');
  });

  it('count a bare surname under the one full name of the clip that ends with it', () => {
    const m = groupMentions([
      span('PER', 'Maduro', 0),
      span('PER', 'Nicolás Maduro', 50),
      span('PER', 'President Maduro', 90),
      span('LOC', 'Caracas', 120),
    ]);
    expect(m).toEqual([
      { type: 'PER', key: 'nicolas maduro', name: 'Nicolás Maduro', mentions: 3, firstOffset: 0 },
      { type: 'LOC', key: 'caracas', name: 'Caracas', mentions: 1, firstOffset: 120 },
    ]);
  });

  it('leave a surname alone when two full names end with it', () => {
    const m = groupMentions([span('PER', 'Hugo Chávez'), span('PER', 'Adán Chávez'), span('PER', 'Chávez')]);
    expect(m.map((x) => x.key).sort()).toEqual(['adan chavez', 'chavez', 'hugo chavez']);
  });

  it('give a name the type most of its mentions have in the clip', () => {
    const m = groupMentions([span('LOC', 'Maduro'), span('PER', 'Maduro'), span('PER', 'Maduro')]);
    expect(m).toEqual([{ type: 'PER', key: 'maduro', name: 'Maduro', mentions: 3, firstOffset: 0 }]);
  });
});
