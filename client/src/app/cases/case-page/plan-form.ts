import { FormControl, FormGroup, NonNullableFormBuilder, Validators } from '@angular/forms';
import { ACTION_LIMITS, type PlannedActionDto } from '@samverka/contracts';
import { minTrimmed } from '../dialogs/dialog-base';
import { todayInSweden } from '../labels/dates';

/** One row of the action plan as a form: Brå's columns (cause → action → goal → when → who) and its kind and term. */
export type PlanRow = FormGroup<{
  cause: FormControl<string>;
  what: FormControl<string>;
  goal: FormControl<string>;
  organizationId: FormControl<string>;
  ownerId: FormControl<string | null>;
  startDate: FormControl<string>;
  dueDate: FormControl<string>;
  kind: FormControl<PlannedActionDto['kind']>;
  term: FormControl<PlannedActionDto['term']>;
  followUp: FormControl<string>;
  followUpDate: FormControl<string>;
}>;

/** The form values of a row, empty or from a proposed action. */
export function rowValue(a?: PlannedActionDto): ReturnType<PlanRow['getRawValue']> {
  return {
    cause: a?.cause ?? '',
    what: a?.what ?? '',
    goal: a?.goal ?? '',
    organizationId: a?.organizationId ?? '',
    ownerId: a?.ownerId ?? null,
    startDate: a?.startDate ?? '',
    dueDate: a?.dueDate ?? '',
    kind: a?.kind ?? 'one_off',
    term: a?.term ?? 'short',
    followUp: a?.followUp ?? '',
    followUpDate: a?.followUpDate ?? '',
  };
}

/** A row, empty or filled from a proposed action. */
export function planRow(fb: NonNullableFormBuilder, a?: PlannedActionDto): PlanRow {
  const v = rowValue(a);
  return fb.group({
    cause: [v.cause, [minTrimmed(ACTION_LIMITS.cause.min), Validators.maxLength(ACTION_LIMITS.cause.max)]],
    what: [v.what, [minTrimmed(ACTION_LIMITS.what.min), Validators.maxLength(ACTION_LIMITS.what.max)]],
    goal: [v.goal, [minTrimmed(ACTION_LIMITS.goal.min), Validators.maxLength(ACTION_LIMITS.goal.max)]],
    organizationId: [v.organizationId, Validators.required],
    ownerId: fb.control<string | null>(v.ownerId),
    startDate: [v.startDate],
    dueDate: [v.dueDate, Validators.required],
    kind: [v.kind, Validators.required],
    term: [v.term, Validators.required],
    followUp: [v.followUp, [Validators.maxLength(ACTION_LIMITS.followUp.max)]],
    followUpDate: [v.followUpDate],
  });
}

/** The row as the API takes it (empty start left out, texts trimmed, the owner kept when a proposal had one). */
export function toPlanned(row: PlanRow): PlannedActionDto {
  const v = row.getRawValue();
  return {
    cause: v.cause.trim(),
    what: v.what.trim(),
    goal: v.goal.trim(),
    organizationId: v.organizationId,
    ...(v.ownerId ? { ownerId: v.ownerId } : {}),
    ...(v.startDate ? { startDate: v.startDate } : {}),
    dueDate: v.dueDate,
    kind: v.kind,
    term: v.term,
    ...(v.followUp.trim() ? { followUp: v.followUp.trim() } : {}),
    ...(v.followUpDate ? { followUpDate: v.followUpDate } : {}),
  };
}

/** Marks a start after the due date on the start field (as the server would); true when the dates are in order. */
export function checkDates(row: PlanRow, today = todayInSweden()): boolean {
  const { startDate, dueDate } = row.getRawValue();
  // A due date that has passed is refused (as the server does).
  if (dueDate && dueDate < today) {
    row.controls.dueDate.setErrors({ message: 'cases.error.dueDatePast' });
    row.controls.dueDate.markAsTouched();
    return false;
  }
  if (startDate && dueDate && startDate > dueDate) {
    row.controls.startDate.setErrors({ message: 'cases.error.startDate' });
    row.controls.startDate.markAsTouched();
    return false;
  }
  return true;
}
