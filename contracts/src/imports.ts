/** How an import treats bad rows: none stored when one is bad, or the good ones stored. */
export const IMPORT_MODES = ['all_or_nothing', 'valid_only'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** The form fields of `POST /api/reports/import` besides the file (multipart). */
export interface ImportRequest {
  /** The area of rows without an area column. */
  areaId?: string | null;
  mode?: ImportMode;
}

/** Progress and outcome of a CSV import (GET /api/imports/:id). */
export interface ImportDto {
  id: string;
  filename: string;
  mode: ImportMode;
  status: 'running' | 'completed' | 'failed';
  /** 0–100, from the bytes read. */
  progress: number;
  rowsRead: number;
  importedRows: number;
  duplicateRows: number;
  rejectedCount: number;
  rejected: { line: number; field: string; reason: string }[];
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}
