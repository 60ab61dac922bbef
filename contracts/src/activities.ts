import type { TextLimit } from './common';
import type { OrganizationDto } from './directory';

/**
 * "Vem gör vad": the partnership's register of ongoing activities and projects in an area (night walkers, field
 * workers, guard rounds, youth-centre hours, lighting projects …), beyond the EST actions. Each partner keeps its
 * own entries; everyone in the area's partnership sees them.
 */

export const ACTIVITY_LIMITS = {
  title: { min: 2, max: 200 },
  description: { min: 0, max: 2000 },
  targetGroup: { min: 0, max: 200 },
} as const satisfies Record<string, TextLimit>;

/** At most this many places and linked cases per activity. */
export const ACTIVITY_MAX_PLACES = 50;
export const ACTIVITY_MAX_CASES = 20;

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type IsoWeekday = (typeof ISO_WEEKDAYS)[number];

export interface ActivityDto {
  id: string;
  areaId: string;
  /** The organisation that runs it (and maintains the entry). */
  organization: OrganizationDto;
  title: string;
  description: string | null;
  targetGroup: string | null;
  /** Empty: the whole area. */
  places: { id: string; name: string }[];
  startsOn: string;
  endsOn: string | null;
  /** The weekdays of recurring work (empty: no fixed days). */
  weekdays: IsoWeekday[];
  /** 'HH:MM' local time; an end before the start runs past midnight (22:00–02:00). Null: no fixed hours. */
  startTime: string | null;
  endTime: string | null;
  contactOrganization: OrganizationDto | null;
  fundingEndsOn: string | null;
  /** The cases (and so the actions) the activity serves. */
  cases: { id: string; title: string }[];
  /** Whether the caller may change or remove it (its own organisation's entry, or an administrator). */
  mayEdit: boolean;
  version: number;
  updatedAt: string;
}

export interface ActivityRequest {
  title: string;
  description?: string | null;
  targetGroup?: string | null;
  placeIds?: string[];
  startsOn: string;
  endsOn?: string | null;
  weekdays?: IsoWeekday[];
  startTime?: string | null;
  endTime?: string | null;
  contactOrganizationId?: string | null;
  fundingEndsOn?: string | null;
  caseIds?: string[];
  /** Sent after the personal-data warning, to keep a text that only looks like personal data. */
  confirmNoPersonalData?: boolean;
}

export interface UpdateActivityRequest extends Partial<ActivityRequest> {
  version: number;
}

/** One hour of one weekday in the gap overlay. */
export interface ActivityGapCell {
  weekday: IsoWeekday;
  /** 0–23, Swedish local time. */
  hour: number;
  reports: number;
  /** Activities with fixed days and hours that are present then. */
  activities: number;
}

/** Where and when reports come and nobody of the partnership is there: reports of the last `weeks` weeks against the activities. */
export interface ActivityGapsDto {
  areaId: string;
  weeks: number;
  from: string;
  to: string;
  /** 7 × 24 cells, Monday 00 first. */
  cells: ActivityGapCell[];
  /** The hours with the most reports and no activity, most reports first (at most 10). */
  gaps: ActivityGapCell[];
  /** Places by reports, with the activities that cover them (by place or the whole area). */
  places: { id: string; name: string; reports: number; activities: number }[];
}
