import { detectDelimiter, detectEncoding, mapHeaders, parseTime } from './csv-mapping';

describe('CSV mapping', () => {
  it('reads local Swedish times in winter and summer time, and ISO times with an offset', () => {
    expect(parseTime('2026-11-20 21:30')!.toISOString()).toBe('2026-11-20T20:30:00.000Z');
    expect(parseTime('2026-07-01 21:30:15')!.toISOString()).toBe('2026-07-01T19:30:15.000Z');
    expect(parseTime('2026-07-01 21.30')!.toISOString()).toBe('2026-07-01T19:30:00.000Z');
    expect(parseTime('2026-03-29 03:15')!.toISOString()).toBe('2026-03-29T01:15:00.000Z');
    expect(parseTime('2026-10-25 01:59')!.toISOString()).toBe('2026-10-24T23:59:00.000Z');
    expect(parseTime('2026-11-20T21:30:00+01:00')!.toISOString()).toBe('2026-11-20T20:30:00.000Z');
  });

  it('refuses dates and times that do not exist', () => {
    for (const t of ['2026-02-31 10:00', '2026-13-01', '2026-11-20 24:00', '2026-11-20 21:60', 'igår', '20/11/2026']) expect(parseTime(t)).toBeNull();
  });

  it('detects the delimiter and the encoding, and maps Swedish and English headers', () => {
    expect(detectDelimiter('id;tid;plats')).toBe(';');
    expect(detectDelimiter('id,time,place')).toBe(',');
    expect(detectEncoding(Buffer.from('Område;Plats', 'utf8'))).toBe('utf8');
    expect(detectEncoding(Buffer.from([0x4f, 0x6d, 0x72, 0xe5, 0x64, 0x65]))).toBe('win1252');
    // A UTF-8 sample cut in the middle of "å" is still UTF-8.
    expect(detectEncoding(Buffer.from('Område', 'utf8').subarray(0, 4))).toBe('utf8');
    expect(mapHeaders(['Händelse-id', 'Tidpunkt', 'Område', 'Plats', 'Kategori', 'Beskrivning'])).toEqual({
      externalId: 0,
      occurredAt: 1,
      area: 2,
      place: 3,
      category: 4,
      description: 5,
    });
    expect(() => mapHeaders(['a', 'b'])).toThrow(/no column for: time/);
  });
});
