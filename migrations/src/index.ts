import { Foundation1763760000000 } from './1763760000000-foundation';
import { Reports1763770000000 } from './1763770000000-reports';
import { Imports1763780000000 } from './1763780000000-imports';
import { Cases1763790000000 } from './1763790000000-cases';
import { Meetings1763800000000 } from './1763800000000-meetings';
import { LoginAttempts1763810000000 } from './1763810000000-login-attempts';
import { Retention1763825000000 } from './1763825000000-retention';
import { AuditWithoutReportText1763835000000 } from './1763835000000-audit-without-report-text';
import { InstallationSettings1796300000000 } from './1796300000000-installation-settings';
import { IdempotencyKeys1796400000000 } from './1796400000000-idempotency-keys';
import { ReportRedactionReview1796500000000 } from './1796500000000-report-redaction-review';
import { Walks1796800000000 } from './1796800000000-walks';
import { ImportSource1796900000000 } from './1796900000000-import-source';
import { Activities1797900000000 } from './1797900000000-activities';
import { ActionFollowUp1797000000000 } from './1797000000000-action-follow-up';
import { Notifications1797400000000 } from './1797400000000-notifications';
import { CaseEffects1797700000000 } from './1797700000000-case-effects';
import { Invitations1797800000000 } from './1797800000000-invitations';

/** Every migration, oldest first. Listed explicitly (no glob) so the compiled API and ts-jest load the same set. */
export const MIGRATIONS = [
  Foundation1763760000000,
  Reports1763770000000,
  Imports1763780000000,
  Cases1763790000000,
  Meetings1763800000000,
  LoginAttempts1763810000000,
  Retention1763825000000,
  AuditWithoutReportText1763835000000,
  InstallationSettings1796300000000,
  IdempotencyKeys1796400000000,
  ReportRedactionReview1796500000000,
  Walks1796800000000,
  ImportSource1796900000000,
  ActionFollowUp1797000000000,
  Notifications1797400000000,
  CaseEffects1797700000000,
  Invitations1797800000000,
  Activities1797900000000,
];
