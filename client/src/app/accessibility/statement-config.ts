import { InjectionToken } from '@angular/core';

/**
 * What the deploying organisation fills in for its accessibility statement. Samverka is installed by each
 * municipality; without these settings the statement uses a neutral wording ("the municipality or organisation that
 * runs this service") and tells users to contact their Samverka administrator. Set them here, or provide
 * `ACCESSIBILITY_STATEMENT_CONFIG` with other values.
 */
export interface StatementConfig {
  /** The organisation responsible for this installation, e.g. "Exempelstads kommun"; null for the neutral wording. */
  organization: string | null;
  /** Where to report accessibility problems. */
  contactEmail: string | null;
  contactPhone: string | null;
  /** The project's issue tracker (problems in the software itself); null to leave it out. */
  issueTracker: string | null;
  /** When the statement was first prepared, last updated, and when the service was last assessed (ISO dates). */
  preparedOn: string;
  updatedOn: string;
  assessedOn: string;
}

export const DEFAULT_STATEMENT_CONFIG: StatementConfig = {
  organization: null,
  contactEmail: null,
  contactPhone: null,
  issueTracker: null,
  preparedOn: '2026-11-22',
  updatedOn: '2026-11-22',
  assessedOn: '2026-11-22',
};

export const ACCESSIBILITY_STATEMENT_CONFIG = new InjectionToken<StatementConfig>('ACCESSIBILITY_STATEMENT_CONFIG', {
  providedIn: 'root',
  factory: () => DEFAULT_STATEMENT_CONFIG,
});
