import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormArray, FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { WALK_LIMITS, type ChecklistItem, type ChecklistTemplateDto } from '@samverka/contracts';
import { TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { Icon } from '../../core/ui/icon';
import { EntityDialog } from '../../directory/admin/entity-dialog';
import { WalksApi } from '../walks-api';

/** The template to edit (none to create one). */
export interface ChecklistDialogData {
  template?: ChecklistTemplateDto;
}

type ItemGroup = FormGroup<{
  key: FormControl<string>;
  labelSv: FormControl<string>;
  labelEn: FormControl<string>;
}>;

/**
 * Create or edit a checklist template for safety walks: its names and its items, each with a stable key (lower-case
 * letters, digits and _; fixed once saved, since answers and findings refer to it) and labels in Swedish and English.
 */
@Component({
  selector: 'sv-checklist-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatInput,
    MatSlideToggle,
    MatButton,
    MatIconButton,
    MatProgressBar,
    TPipe,
    FieldErrorPipe,
    Icon,
  ],
  template: `
    <h2 mat-dialog-title>{{ (editing ? 'walks.checklists.edit' : 'walks.checklists.new') | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="dialog-form">
        <div class="form-alert" role="alert">{{ formError() }}</div>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'walks.checklists.nameSv' | t }}</mat-label>
          <input matInput formControlName="nameSv" name="nameSv" lang="sv" required [maxlength]="limits.templateName.max" autocomplete="off" />
          <mat-error>{{ form.controls.nameSv | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'walks.checklists.nameEn' | t }}</mat-label>
          <input matInput formControlName="nameEn" name="nameEn" lang="en" required [maxlength]="limits.templateName.max" autocomplete="off" />
          <mat-error>{{ form.controls.nameEn | fieldError }}</mat-error>
        </mat-form-field>
        <fieldset class="items" formArrayName="items">
          <legend>{{ 'walks.checklists.items' | t }}</legend>
          @for (item of form.controls.items.controls; track item; let i = $index) {
            <div class="item" [formGroupName]="i" role="group" [attr.aria-label]="'walks.checklists.item' | t: { n: i + 1 }" data-testid="item">
              <mat-form-field appearance="outline">
                <mat-label>{{ 'walks.checklists.key' | t }}</mat-label>
                <input matInput formControlName="key" required autocomplete="off" autocapitalize="off" spellcheck="false" [maxlength]="limits.itemKey.max" />
                <mat-hint>{{ 'walks.checklists.keyHint' | t }}</mat-hint>
                <mat-error>{{ item.controls.key | fieldError }}</mat-error>
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'walks.checklists.labelSv' | t }}</mat-label>
                <input matInput formControlName="labelSv" lang="sv" required autocomplete="off" [maxlength]="limits.itemLabel.max" />
                <mat-error>{{ item.controls.labelSv | fieldError }}</mat-error>
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>{{ 'walks.checklists.labelEn' | t }}</mat-label>
                <input matInput formControlName="labelEn" lang="en" required autocomplete="off" [maxlength]="limits.itemLabel.max" />
                <mat-error>{{ item.controls.labelEn | fieldError }}</mat-error>
              </mat-form-field>
              <button
                matIconButton
                type="button"
                (click)="removeItem(i)"
                [disabled]="form.controls.items.length === 1"
                [attr.aria-label]="'walks.checklists.removeItem' | t: { n: i + 1 }"
                data-testid="remove-item"
              >
                <sv-icon name="delete" />
              </button>
            </div>
          }
          <button matButton="outlined" type="button" (click)="addItem()" data-testid="add-item">
            <sv-icon name="add" /> {{ 'walks.checklists.addItem' | t }}
          </button>
        </fieldset>
        @if (editing) {
          <mat-slide-toggle formControlName="active" name="active">{{ 'walks.checklists.active' | t }}</mat-slide-toggle>
        }
        <div class="progress-slot">
          @if (saving()) {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.saving' | t" />
          }
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button matButton="filled" type="submit" [disabled]="saving()" data-testid="save">{{ 'common.save' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .items {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 0.5rem 0.75rem;
      margin: 0 0 1rem;
    }
    .item {
      display: grid;
      grid-template-columns: minmax(8rem, 1fr) minmax(10rem, 2fr) minmax(10rem, 2fr) auto;
      gap: 0.5rem;
      align-items: start;
    }
    @media (max-width: 40rem) {
      .item {
        grid-template-columns: 1fr;
      }
    }
    mat-slide-toggle {
      margin-block: 0.5rem 1rem;
    }
  `,
})
export class ChecklistDialog extends EntityDialog<ChecklistTemplateDto> {
  private readonly data = inject<ChecklistDialogData>(MAT_DIALOG_DATA, { optional: true }) ?? {};
  private readonly walks = inject(WalksApi);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly editing = !!this.data.template;
  protected readonly limits = WALK_LIMITS;
  /** Keys already saved stay fixed: answers and findings refer to them. */
  private readonly savedKeys = new Set((this.data.template?.items ?? []).map((i) => i.key));

  protected readonly form = this.fb.group({
    nameSv: [
      this.data.template?.nameSv ?? '',
      [Validators.required, Validators.minLength(WALK_LIMITS.templateName.min), Validators.maxLength(WALK_LIMITS.templateName.max)],
    ],
    nameEn: [
      this.data.template?.nameEn ?? '',
      [Validators.required, Validators.minLength(WALK_LIMITS.templateName.min), Validators.maxLength(WALK_LIMITS.templateName.max)],
    ],
    items: new FormArray<ItemGroup>((this.data.template?.items ?? [{ key: '', labelSv: '', labelEn: '' }]).map((i) => this.itemGroup(i))),
    active: [this.data.template?.active ?? true],
  });

  private itemGroup(item: ChecklistItem): ItemGroup {
    return this.fb.group({
      key: [
        { value: item.key, disabled: this.savedKeys.has(item.key) },
        [Validators.required, Validators.minLength(WALK_LIMITS.itemKey.min), Validators.maxLength(WALK_LIMITS.itemKey.max), Validators.pattern(/^[a-z0-9_]+$/)],
      ],
      labelSv: [item.labelSv, [Validators.required, Validators.minLength(WALK_LIMITS.itemLabel.min), Validators.maxLength(WALK_LIMITS.itemLabel.max)]],
      labelEn: [item.labelEn, [Validators.required, Validators.minLength(WALK_LIMITS.itemLabel.min), Validators.maxLength(WALK_LIMITS.itemLabel.max)]],
    });
  }

  protected addItem(): void {
    this.form.controls.items.push(this.itemGroup({ key: '', labelSv: '', labelEn: '' }));
  }

  protected removeItem(index: number): void {
    if (this.form.controls.items.length > 1) this.form.controls.items.removeAt(index);
  }

  /** Sends the form; field errors from the API (e.g. a repeated key) are shown next to their fields. */
  protected save(): void {
    this.submit(this.form, () => {
      const { nameSv, nameEn, items, active } = this.form.getRawValue();
      const body = {
        nameSv: nameSv.trim(),
        nameEn: nameEn.trim(),
        items: items.map((i) => ({ key: i.key.trim(), labelSv: i.labelSv.trim(), labelEn: i.labelEn.trim() })),
      };
      return this.data.template ? this.walks.updateChecklist(this.data.template.id, { ...body, active }) : this.walks.createChecklist(body);
    });
  }
}
