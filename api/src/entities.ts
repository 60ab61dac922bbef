import { AgreedAction } from './actions/action.entity';
import { Activity } from './activities/activity.entity';
import { AuditEntry } from './audit/audit-entry.entity';
import { LoginAttempt } from './auth/login-attempt.entity';
import { Session } from './auth/session.entity';
import { CaseHistoryEntry } from './cases/case-history.entity';
import { EstCase } from './cases/case.entity';
import { Area } from './directory/area.entity';
import { Category } from './directory/category.entity';
import { Invitation } from './directory/invitation.entity';
import { Organization } from './directory/organization.entity';
import { Place } from './directory/place.entity';
import { User } from './directory/user.entity';
import { IdempotencyKey } from './idempotency/idempotency-key.entity';
import { ReportImport } from './imports/import.entity';
import { Meeting } from './meetings/meeting.entity';
import { AreaLevelEntry } from './reports/area-level.entity';
import { SituationReport } from './reports/report.entity';
import { WALK_ENTITIES } from './walks/walk.entity';

/** Every TypeORM entity of the API; the migration test checks that the migrations produce exactly this schema. */
export const ENTITIES = [
  Organization,
  User,
  Area,
  Place,
  Category,
  Session,
  AuditEntry,
  SituationReport,
  AreaLevelEntry,
  ReportImport,
  EstCase,
  AgreedAction,
  CaseHistoryEntry,
  Meeting,
  LoginAttempt,
  IdempotencyKey,
  ...WALK_ENTITIES,
  Activity,
  Invitation,
];
