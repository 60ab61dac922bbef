import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAIL_LANGUAGES, MAIL_STATES, type MailLanguage, type MailState, type MarkReadRequest, type NotificationPreferencesRequest } from '@samverka/contracts';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';

export class MarkReadBody implements MarkReadRequest {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 200, description: "The caller's notifications to mark as read" })
  @IsArray({ message: 'ids must be a list of notification ids' })
  @ArrayMaxSize(200, { message: 'ids must hold at most 200 notification ids' })
  @IsUUID('all', { each: true, message: 'ids must be a list of notification ids' })
  ids!: string[];
}

export class NotificationPreferencesBody implements NotificationPreferencesRequest {
  @ApiProperty({ enum: MAIL_LANGUAGES, description: 'The language of mails and notifications' })
  @IsIn(MAIL_LANGUAGES, { message: 'language must be sv or en' })
  language!: MailLanguage;
}

export class MailsQuery {
  @ApiPropertyOptional({ enum: MAIL_STATES, description: 'Only mails in this state' })
  @IsOptional()
  @IsIn(MAIL_STATES, { message: 'state must be pending, sent, failed or off' })
  state?: MailState;
}
