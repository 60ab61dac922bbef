import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  DECISION_RULES,
  MINUTES_APPROVALS,
  WORKFLOW_SETTING_LIMITS,
  type DecisionRule,
  type MinutesApproval,
  type WorkflowSettings,
} from '@samverka/contracts';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { IsOmittable } from '../common/validation';

const { evaluationMinDays: days, meetingStartHoursBefore: hours } = WORKFLOW_SETTING_LIMITS;

/** Body of `PUT /api/settings/workflow`: the settings to change (the others stay). */
export class UpdateWorkflowSettingsBody implements Partial<WorkflowSettings> {
  @ApiPropertyOptional({ enum: DECISION_RULES })
  @IsOmittable()
  @IsIn(DECISION_RULES, { message: `decisionRule must be one of ${DECISION_RULES.join(', ')}` })
  decisionRule?: DecisionRule;
  @ApiPropertyOptional({ minimum: days.min, maximum: days.max })
  @IsOmittable()
  @IsInt({ message: `evaluationMinDays must be a whole number of days (${days.min}–${days.max})` })
  @Min(days.min, { message: `evaluationMinDays must be ${days.min}–${days.max} days` })
  @Max(days.max, { message: `evaluationMinDays must be ${days.min}–${days.max} days` })
  evaluationMinDays?: number;
  @ApiPropertyOptional({ enum: MINUTES_APPROVALS })
  @IsOmittable()
  @IsIn(MINUTES_APPROVALS, { message: `minutesApproval must be one of ${MINUTES_APPROVALS.join(', ')}` })
  minutesApproval?: MinutesApproval;
  @ApiPropertyOptional({ minimum: hours.min, maximum: hours.max })
  @IsOmittable()
  @IsInt({ message: `meetingStartHoursBefore must be a whole number of hours (${hours.min}–${hours.max})` })
  @Min(hours.min, { message: `meetingStartHoursBefore must be ${hours.min}–${hours.max} hours` })
  @Max(hours.max, { message: `meetingStartHoursBefore must be ${hours.min}–${hours.max} hours` })
  meetingStartHoursBefore?: number;
}
