/** Progress and outcome of a CSV import (GET /api/imports/:id). */
export interface ImportDto {
  id: string;
  filename: string;
  mode: 'all_or_nothing' | 'valid_only';
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
