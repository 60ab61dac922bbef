import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AttentionDto } from '@samverka/contracts';
import { AuthUser, CurrentUser, SignedIn } from '../auth/access.decorators';
import { Answers } from '../openapi/responses';
import { AttentionService } from './attention.service';

@ApiTags('attention')
@Controller()
export class AttentionController {
  constructor(private readonly attention: AttentionService) {}

  /**
   * The start page "Att göra": the caller's overdue and soon-due actions, cases and minutes awaiting them, the next
   * meeting, areas without this week's level (analysts, coordinators), reports awaiting review and failed imports
   * (coordinators); at most 20 lines per kind, with counts.
   */
  @Get('attention')
  @SignedIn()
  @Answers(200, 'AttentionDto')
  get(@CurrentUser() user: AuthUser): Promise<AttentionDto> {
    return this.attention.forUser(user);
  }
}
