import { DynamicModule, Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../common/config';
import { APP_CONFIG } from '../common/tokens';
import { RetentionController } from './retention.controller';
import { RetentionScheduleService } from './retention-schedule.service';
import { RetentionJobs } from './retention.jobs';
import { RetentionService } from './retention.service';

/** Retention (gallring): the settings, the run, the daily job on pg-boss, its installation-wide schedule, and /api/retention. */
@Module({})
export class RetentionModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: RetentionModule,
      controllers: [RetentionController],
      // AuditService holds no state: its own instance here appends to the same chain under the same lock.
      providers: [{ provide: APP_CONFIG, useValue: config }, AuditService, RetentionService, RetentionScheduleService, RetentionJobs],
      exports: [RetentionService, RetentionJobs],
    };
  }
}
