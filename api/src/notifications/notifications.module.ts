import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../common/config';
import { APP_CONFIG } from '../common/tokens';
import { MailDelivery } from './mail-delivery';
import { AuditTrailModule } from '../audit/audit-trail.module';
import { MailJobs } from './mail.jobs';
import { NotificationsController } from './notifications.controller';
import { NotificationsService, NotificationWriter } from './notifications.service';

/** Writing notifications in the transaction of their event; features import this to notify. */
@Module({ providers: [NotificationWriter], exports: [NotificationWriter] })
export class NotificationsModule {}

/** Sending them: the delivery and its job on pg-boss (SMTP_URL, or the outbox in demo mode). */
@Module({})
export class MailModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: MailModule,
      imports: [AuditTrailModule],
      controllers: [NotificationsController],
      providers: [NotificationsService, { provide: APP_CONFIG, useValue: config }, MailDelivery, MailJobs],
      exports: [MailDelivery],
    };
  }
}
