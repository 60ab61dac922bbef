import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MailDetailDto, MailDto, NotificationListDto, NotificationPreferencesDto } from '@samverka/contracts';
import { AuthUser, CurrentUser, Roles, SignedIn } from '../auth/access.decorators';
import { uuidParam } from '../common/validation';
import { Answers } from '../openapi/responses';
import { MailsQuery, MarkReadBody, NotificationPreferencesBody } from './notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's newest notifications (the bell) and how many are unread. */
  @Get('notifications')
  @SignedIn()
  @Answers(200, 'NotificationListDto')
  list(@CurrentUser() user: AuthUser): Promise<NotificationListDto> {
    return this.notifications.list(user);
  }

  /** Marks some of the caller's notifications as read; answers the list as it is then. */
  @Put('notifications/read')
  @SignedIn()
  @Answers(200, 'NotificationListDto')
  markRead(@CurrentUser() user: AuthUser, @Body() body: MarkReadBody): Promise<NotificationListDto> {
    return this.notifications.markRead(user, body.ids);
  }

  /** The caller's notification preferences (the language of mails). */
  @Get('notifications/preferences')
  @SignedIn()
  @Answers(200, 'NotificationPreferencesDto')
  preferences(@CurrentUser() user: AuthUser): Promise<NotificationPreferencesDto> {
    return this.notifications.preferences(user);
  }

  @Put('notifications/preferences')
  @SignedIn()
  @Answers(200, 'NotificationPreferencesDto')
  setPreferences(@CurrentUser() user: AuthUser, @Body() body: NotificationPreferencesBody): Promise<NotificationPreferencesDto> {
    return this.notifications.setPreferences(user, body);
  }

  /** The outbox: the newest mails, sent, pending and failed (administrators; in demo mode the only place mails go). */
  @Get('mails')
  @Roles('admin')
  @Answers(200, 'MailDto[]')
  mails(@Query() q: MailsQuery): Promise<MailDto[]> {
    return this.notifications.mails(q.state);
  }

  /** One mail with its text (administrators). */
  @Get('mails/:id')
  @Roles('admin')
  @Answers(200, 'MailDetailDto')
  mail(@Param('id', uuidParam()) id: string): Promise<MailDetailDto> {
    return this.notifications.mail(id);
  }
}
