import type { AreaDetailDto, CategoryDto, ImportDto, ReportDto, SituationPictureDto } from '@samverka/contracts';
import { KOMMUN, OBO, POLIS } from './fixtures';

/** Test data for the report screens: Vivalla with three places, three categories. */
export const KLOTTER: CategoryDto = { id: 'cat-klotter', code: 'klotter', labelSv: 'Klotter', labelEn: 'Graffiti', active: true, sortOrder: 2 };
export const SKADEGORELSE: CategoryDto = { id: 'cat-skade', code: 'skadegorelse', labelSv: 'Skadegörelse', labelEn: 'Vandalism', active: true, sortOrder: 1 };
export const NEDSKRAPNING: CategoryDto = { id: 'cat-skrap', code: 'nedskrapning', labelSv: 'Nedskräpning', labelEn: 'Littering', active: true, sortOrder: 3 };
export const CATEGORIES = [KLOTTER, SKADEGORELSE, NEDSKRAPNING];

export const VIVALLA: AreaDetailDto = {
  id: 'area-vivalla',
  name: 'Vivalla',
  description: 'Flerbostadsområde',
  placeCount: 3,
  partners: [KOMMUN, POLIS, OBO],
  places: [
    { id: 'place-torget', areaId: 'area-vivalla', name: 'Vivalla torg', latitude: 59.2952, longitude: 15.2101 },
    { id: 'place-tvatt', areaId: 'area-vivalla', name: 'Tvättstugan Vivallagatan 6', latitude: 59.2954, longitude: 15.2066 },
    { id: 'place-skola', areaId: 'area-vivalla', name: 'Skolgården', latitude: null, longitude: null },
  ],
};

/** The picture of Vivalla for week 47 of 2026. */
export function picture(overrides: Partial<SituationPictureDto> = {}): SituationPictureDto {
  return {
    area: { id: 'area-vivalla', name: 'Vivalla' },
    week: '2026-W47',
    from: '2026-11-16',
    to: '2026-11-22',
    total: { count: 14, previousAverage: 9.5, change: 4.5 },
    byCategory: [
      { categoryId: KLOTTER.id, code: 'klotter', labelSv: 'Klotter', labelEn: 'Graffiti', count: 8, previousAverage: 3.25, change: 4.75 },
      { categoryId: SKADEGORELSE.id, code: 'skadegorelse', labelSv: 'Skadegörelse', labelEn: 'Vandalism', count: 6, previousAverage: 6.25, change: -0.25 },
    ],
    byPlace: [
      { placeId: 'place-tvatt', name: 'Tvättstugan Vivallagatan 6', latitude: 59.2954, longitude: 15.2066, count: 9, previousAverage: 4, change: 5 },
      { placeId: 'place-torget', name: 'Vivalla torg', latitude: 59.2952, longitude: 15.2101, count: 5, previousAverage: 5.5, change: -0.5 },
    ],
    trend: Array.from({ length: 12 }, (_, i) => ({ week: `2026-W${String(36 + i).padStart(2, '0')}`, count: i === 11 ? 14 : 8 + (i % 3) })),
    hotspots: [
      { placeId: 'place-tvatt', name: 'Tvättstugan Vivallagatan 6', count: 9 },
      { placeId: 'place-torget', name: 'Vivalla torg', count: 5 },
    ],
    points: [{ id: 'r1', latitude: 59.2954, longitude: 15.2066, categoryId: KLOTTER.id, assessment: 'high' }],
    level: {
      areaId: 'area-vivalla',
      week: '2026-W47',
      level: 'yellow',
      rationale: 'Fler rapporter från tvättstugan, bevaka helgen.',
      setBy: { id: 'user-2', name: 'Anders Analytiker' },
      setAt: '2026-11-20T10:15:00.000Z',
    },
    sources: ['reports', 'walks'],
    walkFindings: {
      total: { count: 3, previousAverage: 0.5, change: 2.5 },
      points: [
        { id: 'f1', walkId: 'walk-1', latitude: 59.2954, longitude: 15.2066, severity: 'high', recordedAt: '2026-11-17T17:20:00.000Z' },
        { id: 'f2', walkId: 'walk-1', latitude: 59.296, longitude: 15.212, severity: 'low', recordedAt: '2026-11-17T17:40:00.000Z' },
      ],
      repeatedPlaces: [
        {
          placeId: 'place-tvatt',
          name: 'Tvättstugan Vivallagatan 6',
          latitude: 59.2954,
          longitude: 15.2066,
          walkCount: 3,
          findingCount: 4,
          lastRecordedAt: '2026-11-17T17:20:00.000Z',
        },
        { placeId: null, name: null, latitude: 59.2961, longitude: 15.2119, walkCount: 2, findingCount: 2, lastRecordedAt: '2026-11-17T17:40:00.000Z' },
      ],
    },
    ...overrides,
  };
}

/** A report as the API returns it. */
export function report(overrides: Partial<ReportDto> = {}): ReportDto {
  return {
    id: 'report-1',
    areaId: 'area-vivalla',
    placeId: 'place-torget',
    placeName: 'Vivalla torg',
    latitude: null,
    longitude: null,
    categoryId: KLOTTER.id,
    occurredAt: '2026-11-20T20:30:00.000Z',
    reportedAt: '2026-11-20T21:00:00.000Z',
    assessment: 'medium',
    policeNotified: false,
    publicPlace: true,
    restricted: false,
    detailsVisible: true,
    description: 'Nytt klotter på fasaden mot torget',
    organization: { id: OBO.id, name: OBO.name },
    reporter: { id: 'user-3', name: 'Rasmus Rapportör' },
    source: 'form',
    personalDataConfirmed: false,
    editableUntil: null,
    ...overrides,
  };
}

/** An import as `GET /api/imports/:id` returns it. */
export function importDto(overrides: Partial<ImportDto> = {}): ImportDto {
  return {
    id: 'import-1',
    filename: 'polisen.csv',
    sourceOrganizationId: 'org-kommun',
    mode: 'valid_only',
    status: 'running',
    progress: 0,
    rowsRead: 0,
    importedRows: 0,
    duplicateRows: 0,
    rejectedCount: 0,
    rejected: [],
    error: null,
    startedAt: '2026-11-20T10:00:00.000Z',
    finishedAt: null,
    ...overrides,
  };
}
