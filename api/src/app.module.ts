import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ActionsService } from './actions/actions.service';
import { AuditController } from './audit/audit.controller';
import { AuditReader } from './audit/audit.reader';
import { AuditService } from './audit/audit.service';
import { AuthController } from './auth/auth.controller';
import { MeService } from './auth/me.service';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { CaseTransitions } from './cases/case-transitions';
import { CasesController } from './cases/cases.controller';
import { CasesService } from './cases/cases.service';
import { AppConfig } from './common/config';
import { APP_CONFIG } from './common/tokens';
import { AreasController, AreasService } from './directory/areas';
import { CategoriesController, CategoriesService } from './directory/categories';
import { OrganizationsController, OrganizationsService } from './directory/organizations';
import { UsersController, UsersService } from './directory/users';
import { ClientConfigController } from './health/client-config.controller';
import { HealthController } from './health/health.controller';
import { IdempotencyInterceptor, IdempotencyService } from './idempotency/idempotency';
import { ImportsController } from './imports/imports.controller';
import { ImportsService } from './imports/imports.service';
import { MeetingEventsService } from './meetings/meeting-events.service';
import { MeetingsController } from './meetings/meetings.controller';
import { MeetingsService } from './meetings/meetings.service';
import { ActionPlanController } from './plans/action-plan.controller';
import { ActionPlanService } from './plans/action-plan.service';
import { ReportsController } from './reports/reports.controller';
import { ReportsService } from './reports/reports.service';
import { SituationPictureService } from './reports/situation-picture.service';
import { RetentionModule } from './retention/retention.module';

/** The application: one module wiring the features; the DataSource is opened (and migrated) before Nest starts. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DiscoveryModule,
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
            serializers: {
              req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
            },
          },
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: async () => dataSource,
        }),
        RetentionModule.forRoot(config),
      ],
      controllers: [HealthController, ClientConfigController, AuthController, OrganizationsController, UsersController, AreasController, CategoriesController, ReportsController, ImportsController, CasesController, AuditController, ActionPlanController, MeetingsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AuthGuard },
        IdempotencyInterceptor,
        IdempotencyService,
        AuditService,
        AuthService,
        MeService,
        OrganizationsService,
        UsersService,
        AreasService,
        CategoriesService,
        ReportsService,
        SituationPictureService,
        ImportsService,
        CaseTransitions,
        ActionsService,
        CasesService,
        AuditReader,
        ActionPlanService,
        MeetingEventsService,
        MeetingsService,
      ],
    };
  }
}
