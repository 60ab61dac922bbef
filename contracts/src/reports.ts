import type { ApiError, Page, TextLimit } from './common';
import type { ReportCaseDto } from './attention';

/** Situation reports and the weekly situational picture (lägesbild). */

/** The reporter's own assessment of how much insecurity the situation creates. */
export const ASSESSMENTS = ['low', 'medium', 'high'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

/** Why free text was removed from a report (gallrad): a fixed reason, plus an optional note checked for personal data. */
export const REDACTION_REASONS = ['personal_data', 'sensitive', 'irrelevant', 'other'] as const;
export type RedactionReason = (typeof REDACTION_REASONS)[number];
/** What replaces the removed part of a report's free text. */
export const REDACTED_MARK = '[gallrat]';
/** A report filed with "the text is not about a person" although the check found something waits for a coordinator. */
export type ReportReview = 'pending' | 'confirmed';

/** The weekly level of an area: grön (normal), gul (raised concern), röd (concentrate joint efforts). */
export const AREA_LEVELS = ['green', 'yellow', 'red'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** Parts of the day used to filter reports (local time, Europe/Stockholm). */
export const TIMES_OF_DAY = ['night', 'morning', 'day', 'evening'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

/** The lengths of a report's texts and of the area level's rationale. */
export const REPORT_LIMITS = {
  description: { min: 0, max: 2000 },
  /** The part of the text to remove, given by its text. */
  redactionText: { min: 0, max: 2000 },
  redactionNote: { min: 0, max: 500 },
  levelRationale: { min: 3, max: 1000 },
} as const satisfies Record<string, TextLimit>;

export interface CreateReportRequest {
  areaId: string;
  placeId?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  categoryId: string;
  /** ISO 8601 with offset; not in the future. */
  occurredAt: string;
  assessment: Assessment;
  policeNotified: boolean;
  publicPlace?: boolean | null;
  /** Details visible only to the reporting organisation (e.g. police information under secrecy). */
  restricted?: boolean;
  description: string;
  /** The reporter confirms that text flagged as personal data is not about a person. */
  confirmNoPersonalData?: boolean;
}

/** The filters of `GET /api/reports` and of its CSV export (query parameters; all optional). */
export interface ReportFilters {
  areaId?: string;
  placeId?: string;
  categoryId?: string;
  organizationId?: string;
  /** ISO 8601 instants: from (inclusive) and to (exclusive). */
  from?: string;
  to?: string;
  timeOfDay?: TimeOfDay;
  /** `pending`: reports awaiting a coordinator's review whose text the caller may see. */
  review?: 'pending';
}

/** A report as a user sees it; for another organisation's restricted report the details are null and `restricted` true. */
export interface ReportDto {
  id: string;
  areaId: string;
  placeId: string | null;
  placeName: string | null;
  latitude: number | null;
  longitude: number | null;
  categoryId: string;
  occurredAt: string;
  reportedAt: string;
  assessment: Assessment;
  policeNotified: boolean;
  publicPlace: boolean | null;
  restricted: boolean;
  /** False when the details of a restricted report are withheld from the caller. */
  detailsVisible: boolean;
  description: string | null;
  organization: { id: string; name: string };
  reporter: { id: string; name: string } | null;
  source: 'form' | 'import';
  personalDataConfirmed: boolean;
  /** Until when the caller may still correct the report (own reports, 24 hours), or null. */
  editableUntil: string | null;
  /** When retention (gallring) removed the free text, exact coordinates and reporter (description is then null). */
  redactedAt?: string | null;
  /** 'pending': the text awaits a coordinator's review and is withheld from other organisations (shown to those who see the details). */
  review?: ReportReview | null;
  /** The last removal of free text by hand, for those who see the details. */
  textRedaction?: { at: string; organizationId: string | null; reason: RedactionReason; note: string | null } | null;
  /** Whether the caller may remove free text (POST /api/reports/:id/redactions) / confirm the review. */
  canRedact?: boolean;
  canReview?: boolean;
  /** The cases the report became part of, with their agreed actions (`GET /api/reports/:id` only). */
  cases?: ReportCaseDto[];
}

/** A page of `GET /api/reports`. */
export type ReportPageDto = Page<ReportDto>;

/** Body of POST /api/reports/:id/redactions: the whole text, or a part by offsets or by its text (every occurrence). */
export interface RedactReportRequest {
  whole?: boolean;
  start?: number;
  end?: number;
  text?: string;
  reason: RedactionReason;
  note?: string;
}

/** Body of POST /api/reports/:id/review. */
export interface ReviewReportRequest {
  decision: 'confirm';
}

/** 422 body when the description looks like it holds personal data (`code` REPORT.PERSONAL_DATA, field description). */
export interface PersonalDataError extends ApiError {
  hits: { kind: 'personal_identity_number' | 'phone_number' | 'email'; masked: string }[];
}

export interface FigureRow {
  /** Reports this week. */
  count: number;
  /** Average per week over the four weeks before. */
  previousAverage: number;
  /** count − previousAverage. */
  change: number;
}

export interface SituationPictureDto {
  area: { id: string; name: string };
  /** ISO week, e.g. 2026-W47 (Monday–Sunday, Europe/Stockholm). */
  week: string;
  from: string;
  to: string;
  total: FigureRow;
  byCategory: (FigureRow & { categoryId: string; code: string; labelSv: string; labelEn: string })[];
  byPlace: (FigureRow & { placeId: string | null; name: string | null; latitude: number | null; longitude: number | null })[];
  /** Counts for the last 12 weeks, oldest first, ending with this week. */
  trend: { week: string; count: number }[];
  /** The places with the most reports this week (at most 5). */
  hotspots: { placeId: string; name: string; count: number }[];
  /** This week's reports that the caller may see on a map (with coordinates). */
  points: { id: string; latitude: number; longitude: number; categoryId: string; assessment: Assessment }[];
  level: AreaLevelDto | null;
  /** The sources the picture counts (`?sources=reports,walks`, both by default); an unselected source's figures are empty. */
  sources: PictureSource[];
  /** Safety-walk findings as their own source; null when walks are not selected. */
  walkFindings: WalkFindingsPictureDto | null;
}

/** What the situational picture can count: reports, and findings of safety walks. */
export const PICTURE_SOURCES = ['reports', 'walks'] as const;
export type PictureSource = (typeof PICTURE_SOURCES)[number];

/**
 * Safety-walk findings in the situational picture. Findings of a restricted walk count in `total` for everyone, but
 * their positions and places are details seen only by the walk's planning and invited organisations.
 */
export interface WalkFindingsPictureDto {
  /** Findings recorded this week against the four weeks before. */
  total: FigureRow;
  /** The map layer: findings of the 12 weeks ending with this week that have a position the caller may see (walks are rare). */
  points: { id: string; walkId: string; latitude: number; longitude: number; severity: 'low' | 'medium' | 'high'; recordedAt: string }[];
  /**
   * Places with findings from two or more walks (up to the end of this week), most walks first: a named place, or
   * for findings with a position only, a spot of about 50 m.
   */
  repeatedPlaces: {
    placeId: string | null;
    name: string | null;
    latitude: number;
    longitude: number;
    walkCount: number;
    findingCount: number;
    lastRecordedAt: string;
  }[];
}

export interface AreaLevelDto {
  areaId: string;
  week: string;
  level: AreaLevel;
  rationale: string;
  setBy: { id: string; name: string };
  setAt: string;
}

export interface SetAreaLevelRequest {
  level: AreaLevel;
  rationale: string;
}
