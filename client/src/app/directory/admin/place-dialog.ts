import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { DIRECTORY_LIMITS, type OrganizationDto, type PlaceDto, type UpdatePlaceRequest } from '@samverka/contracts';
import { TPipe } from '../../core/i18n/i18n';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { coordinateValidator, formatCoordinate, parseCoordinate } from './coordinates';
import { EntityDialog } from './entity-dialog';

/**
 * The area the place belongs to, its partnership (the organisations that may be responsible for the place), all
 * organisations (to name a responsible one that has since left the partnership), and the place to edit (none to add one).
 */
export interface PlaceDialogData {
  areaId: string;
  partners: OrganizationDto[];
  organizations: OrganizationDto[];
  place?: PlaceDto;
}

/**
 * Add or edit a named place with optional coordinates and the optional organisation responsible for its physical
 * environment (a safety walk's finding proposes it); closes with the saved place.
 */
@Component({
  selector: 'sv-place-dialog',
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
    MatButton,
    MatProgressBar,
    MatSelect,
    MatOption,
    TPipe,
    FieldErrorPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ (editing ? 'admin.places.edit' : 'admin.places.new') | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="dialog-form">
        <div class="form-alert" role="alert">{{ formError() }}</div>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'admin.places.name' | t }}</mat-label>
          <input matInput formControlName="name" name="name" required [maxlength]="limits.placeName.max" autocomplete="off" />
          <mat-error>{{ form.controls.name | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'admin.places.latitude' | t }}</mat-label>
          <input matInput formControlName="latitude" name="latitude" inputmode="decimal" autocomplete="off" />
          <mat-hint>{{ 'admin.places.coordinateHint' | t: { example: example(59.2753) } }}</mat-hint>
          <mat-error>{{ form.controls.latitude | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'admin.places.longitude' | t }}</mat-label>
          <input matInput formControlName="longitude" name="longitude" inputmode="decimal" autocomplete="off" />
          <mat-hint>{{ 'admin.places.coordinateHint' | t: { example: example(15.2134) } }}</mat-hint>
          <mat-error>{{ form.controls.longitude | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'admin.places.responsible' | t }}</mat-label>
          <mat-select formControlName="responsibleOrganizationId" name="responsibleOrganizationId">
            <mat-option [value]="null">{{ 'admin.places.noResponsible' | t }}</mat-option>
            @for (org of responsibleOptions; track org.id) {
              <mat-option [value]="org.id">{{ org.name }} ({{ i18n.orgType(org.type) }})</mat-option>
            }
          </mat-select>
          <mat-hint>{{ 'admin.places.responsibleHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.responsibleOrganizationId | fieldError }}</mat-error>
        </mat-form-field>
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
})
export class PlaceDialog extends EntityDialog<PlaceDto> {
  private readonly data = inject<PlaceDialogData>(MAT_DIALOG_DATA);

  protected readonly editing = !!this.data.place;
  /** The API's text limits, so that a field cannot take more than the server accepts. */
  protected readonly limits = DIRECTORY_LIMITS;

  /** The responsible organisation the place had when the dialog opened (null: none). */
  private readonly initialResponsible = this.data.place?.responsibleOrganizationId ?? null;
  /** The area's partners, and the place's current responsible organisation if it has left the partnership. */
  protected readonly responsibleOptions: OrganizationDto[] = [
    ...this.data.partners,
    ...this.data.organizations.filter((o) => o.id === this.initialResponsible && !this.data.partners.some((p) => p.id === o.id)),
  ];

  protected readonly form = inject(NonNullableFormBuilder).group({
    responsibleOrganizationId: [this.initialResponsible],
    name: [this.data.place?.name ?? '', [Validators.required, Validators.maxLength(DIRECTORY_LIMITS.placeName.max)]],
    latitude: [formatCoordinate(this.data.place?.latitude, this.i18n.locale()), [coordinateValidator(-90, 90, 'admin.places.latitudeRange')]],
    longitude: [formatCoordinate(this.data.place?.longitude, this.i18n.locale()), [coordinateValidator(-180, 180, 'admin.places.longitudeRange')]],
  });

  /** An example coordinate in the active language's notation. */
  protected example(value: number): string {
    return formatCoordinate(value, this.i18n.locale());
  }

  /** Sends the form; coordinates must be given both or neither. */
  protected save(): void {
    if (this.saving()) return;
    const { latitude: lat, longitude: lon } = this.form.controls;
    const latitude = parseCoordinate(lat.value);
    const longitude = parseCoordinate(lon.value);
    if (this.form.valid && (latitude === null) !== (longitude === null)) {
      const missing = latitude === null ? lat : lon;
      missing.setErrors({ message: 'admin.places.bothCoordinates' });
    }
    this.submit(this.form, () => {
      const body: UpdatePlaceRequest = { name: this.form.controls.name.value.trim(), latitude, longitude };
      // Sent when chosen or changed only: an unrelated edit never re-validates a responsible organisation that has
      // since left the area's partnership.
      const responsible = this.form.controls.responsibleOrganizationId.value;
      if (responsible !== this.initialResponsible) body.responsibleOrganizationId = responsible;
      return this.data.place ? this.api.updatePlace(this.data.place.id, body) : this.api.createPlace(this.data.areaId, { ...body, name: body.name! });
    });
  }
}
