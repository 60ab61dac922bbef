import { FormControl } from '@angular/forms';
import { coordinateValidator, formatCoordinate, parseCoordinate } from './coordinates';

describe('coordinates', () => {
  it('reads decimal comma and point, ASCII and typographic minus', () => {
    expect(parseCoordinate('59,2753')).toBe(59.2753);
    expect(parseCoordinate(' 15.2134 ')).toBe(15.2134);
    expect(parseCoordinate('\u221212,5')).toBe(-12.5);
    expect(parseCoordinate('')).toBeNull();
    expect(parseCoordinate('59,27,53')).toBeNaN();
    expect(parseCoordinate('north')).toBeNaN();
  });

  it('writes the locale notation without grouping', () => {
    expect(formatCoordinate(59.2753, 'sv-SE')).toBe('59,2753');
    expect(formatCoordinate(-12.5, 'sv-SE')).toBe('-12,5');
    expect(formatCoordinate(15.2134, 'en-GB')).toBe('15.2134');
    expect(formatCoordinate(null, 'sv-SE')).toBe('');
  });

  it('accepts empty or in-range values and rejects the rest', () => {
    const latitude = coordinateValidator(-90, 90, 'admin.places.latitudeRange');
    const check = (value: string) => latitude(new FormControl(value));
    expect(check('')).toBeNull();
    expect(check('90')).toBeNull();
    expect(check('-90,0')).toBeNull();
    expect(check('90,0001')).toEqual({ message: 'admin.places.latitudeRange' });
    expect(check('-91')).toEqual({ message: 'admin.places.latitudeRange' });
    expect(check('abc')).toEqual({ message: 'admin.places.latitudeRange' });
  });
});
