import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { WorkflowSettings } from '@samverka/contracts';
import { AuthUser, CurrentUser, Roles, SignedIn } from '../auth/access.decorators';
import { Answers } from '../openapi/responses';
import { UpdateWorkflowSettingsBody } from './settings.dto';
import { WorkflowSettingsService } from './settings.service';

@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: WorkflowSettingsService) {}

  /** The installation's workflow settings (every signed-in user: the screens explain the rules they set). */
  @Get('workflow')
  @SignedIn()
  @Answers(200, 'WorkflowSettingsDto')
  get(): Promise<WorkflowSettings> {
    return this.settings.current();
  }

  /** Changes the workflow settings (administrators; audited); 422 naming the field for a bad value. */
  @Put('workflow')
  @Roles('admin')
  @Answers(200, 'WorkflowSettingsDto')
  update(@CurrentUser() user: AuthUser, @Body() body: UpdateWorkflowSettingsBody): Promise<WorkflowSettings> {
    return this.settings.change(user, body);
  }
}
