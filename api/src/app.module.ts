import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { DataSource } from 'typeorm';
import { ActionsModule } from './actions/actions.module';
import { ActivitiesModule } from './activities/activities.module';
import { AttentionModule } from './attention/attention.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { AppConfig } from './common/config';
import { ConfigModule } from './common/config.module';
import { DirectoryModule } from './directory/directory.module';
import { EffectsModule } from './effects/effects.module';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { ImportsModule } from './imports/imports.module';
import { MeetingsModule } from './meetings/meetings.module';
import { MailModule } from './notifications/notifications.module';
import { PlansModule } from './plans/plans.module';
import { ReportsModule } from './reports/reports.module';
import { RetentionModule } from './retention/retention.module';
import { WalksModule } from './walks/walks.module';
import { SettingsModule } from './settings/settings.module';

/** The application: the feature modules (no cycles between them); the DataSource is opened (and migrated) before Nest starts. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DiscoveryModule,
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: withLogStream(config, {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
            serializers: {
              req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
            },
          }),
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: () => Promise.resolve(dataSource),
        }),
        ConfigModule.forRoot(config),
        IdempotencyModule,
        SettingsModule,
        HealthModule,
        AuthModule,
        DirectoryModule,
        ReportsModule,
        ImportsModule,
        CasesModule,
        ActionsModule,
        AuditModule,
        PlansModule,
        MeetingsModule,
        WalksModule,
        ActivitiesModule,
        AttentionModule,
        EffectsModule,
        RetentionModule.forRoot(config),
        MailModule.forRoot(config),
      ],
    };
  }
}

/**
 * The log output: JSON on stdout, or with `logFormat: 'pretty'` pino-pretty's readable lines, written synchronously in
 * this thread (a transport's worker thread would print them after the start-up banner). pino-pretty is a development
 * dependency: where it is not installed, the logs stay JSON.
 */
function withLogStream(config: AppConfig, options: PinoHttpOptions): PinoHttpOptions | [PinoHttpOptions, DestinationStream] {
  if (config.logFormat !== 'pretty') return options;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require('pino-pretty') as (opts: Record<string, unknown>) => DestinationStream;
    return [options, pretty({ sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,req.id' })];
  } catch {
    return options;
  }
}
