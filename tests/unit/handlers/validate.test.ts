// object() in the argument validator: keys are matched as own properties on both sides, so
// what every object inherits is neither accepted as an argument nor read as one.
import { describe, expect, it } from 'vitest';
import { int, object, optional, validateArgs } from '../../../electron/handlers/validate.ts';

describe('object() checks own keys only', () => {
  it.each(['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'])(
    'refuses an own key named %s',
    (key) => {
      const args = JSON.parse(`{"id": 3, "${key}": {"polluted": true}}`);
      expect(Object.keys(args)).toContain(key); // JSON.parse makes even __proto__ an own key
      expect(() => validateArgs('getClip', args)).toThrow(`${key} is not a known argument`);
    },
  );

  it('does not read an argument from the prototype of what it was given', () => {
    const inherited = Object.create({ id: 5 }) as Record<string, unknown>;
    expect(() => validateArgs('getClip', inherited)).toThrow('id must be a whole number');
  });

  it('accepts an object with no prototype (the server builds query arguments that way)', () => {
    const args = Object.assign(Object.create(null) as Record<string, unknown>, { id: '7' });
    expect(validateArgs('getClip', args)).toEqual({ id: 7 });
  });

  it('builds a result with only the checked keys, as plain own properties', () => {
    const check = object<{ limit?: number; offset?: number }>({ limit: optional(int(0, 10)), offset: optional(int(0)) });
    const out = check({ limit: '4' }, 'arguments');
    expect(out).toEqual({ limit: 4 });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, 'limit')).toEqual({ value: 4, enumerable: true, writable: true, configurable: true });
    expect(Object.hasOwn(out, 'offset')).toBe(false);
  });

  it('leaves the shared prototype alone whatever it is given', () => {
    for (const body of ['{"__proto__": {"polluted": 1}}', '{"patch": {"__proto__": {"polluted": 1}}, "id": 1}']) {
      try {
        validateArgs('updateClip', JSON.parse(body));
      } catch {
        /* refused, as it should be */
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
