/** How an import treats bad rows: none stored when one is bad, or the good ones stored. */
export const IMPORT_MODES = ['all_or_nothing', 'valid_only'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** The form fields of `POST /api/reports/import` besides the file (multipart). */
export interface ImportRequest {
  /** The area of rows without an area column. */
  areaId?: string | null;
  mode?: ImportMode;
  /** The partner whose export the file is (a coordinator's choice); the user's own organisation when absent. */
  sourceOrganizationId?: string | null;
}

/** Progress and outcome of a CSV import (GET /api/imports/:id). */
export interface ImportDto {
  id: string;
  filename: string;
  /** The organisation the imported rows are reports of (the importer's own unless the coordinator chose a partner). */
  sourceOrganizationId: string;
  mode: ImportMode;
  status: 'running' | 'completed' | 'failed';
  /** 0–100, from the bytes read. */
  progress: number;
  rowsRead: number;
  importedRows: number;
  duplicateRows: number;
  rejectedCount: number;
  /** The first rejected rows: `reason` in English, `code` (and the offending `value`) for a translated text. */
  rejected: RejectedImportRow[];
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

/** Why a row was rejected, as a stable code (the client's dictionary has a text for each). */
export const IMPORT_REJECTION_CODES = [
  'area.unknown',
  'area.missing',
  'time.invalid',
  'time.future',
  'category.unknown',
  'description.empty',
  'description.tooLong',
  'description.personalData',
  'coordinates.incomplete',
  'latitude.outside',
  'longitude.outside',
  'place.unknown',
  'place.missing',
  'assessment.unknown',
] as const;
export type ImportRejectionCode = (typeof IMPORT_REJECTION_CODES)[number];

export interface RejectedImportRow {
  line: number;
  field: string;
  reason: string;
  /** Absent in imports made before codes were recorded. */
  code?: ImportRejectionCode;
  value?: string;
}
