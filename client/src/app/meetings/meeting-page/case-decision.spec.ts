import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { FormArray, FormGroup, FormControl } from '@angular/forms';
import { provideRouter } from '@angular/router';
import { OBO, POLIS } from '../../testing/fixtures';
import { noAnimations } from '../../testing/http';
import { VIVALLA } from '../../testing/report-fixtures';
import { MeetingStore } from '../meeting-store';
import { CASE_ITEM, caseDto, meeting } from '../testing/meeting-fixtures';
import { CaseDecision } from './case-decision';

type Actions = FormArray<FormGroup<{ organizationId: FormControl<string>; ownerId: FormControl<string> }>>;

describe('CaseDecision', () => {
  let fixture: ComponentFixture<CaseDecision>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations, MeetingStore] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CaseDecision);
    fixture.componentRef.setInput('meeting', meeting({ state: 'in_session', allowedEvents: ['RECORD'] }));
    fixture.componentRef.setInput('item', CASE_ITEM);
    fixture.componentRef.setInput('canRecord', true);
    await fixture.whenStable();
    http.expectOne('/api/cases/case-1').flush(caseDto());
    await fixture.whenStable();
    http.expectOne(`/api/areas/${VIVALLA.id}`).flush(VIVALLA);
    http.expectOne(`/api/organizations/${OBO.id}/users`).flush([{ id: 'user-obo', name: 'Olle Förvaltare' }]);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const actions = () => (fixture.componentInstance as unknown as { form: FormGroup<{ actions: Actions }> }).form.controls.actions;

  it('reads the people of another responsible organisation and forgets the owner chosen', () => {
    const first = actions().at(0);
    first.controls.ownerId.setValue('user-obo');
    first.controls.organizationId.setValue(POLIS.id);
    expect(first.controls.ownerId.value).toBe('');
    http.expectOne(`/api/organizations/${POLIS.id}/users`).flush([]);
  });

  it('stops following the action rows once the panel is gone', () => {
    const first = actions().at(0);
    fixture.destroy();
    first.controls.ownerId.setValue('user-obo');
    first.controls.organizationId.setValue(POLIS.id);
    http.expectNone(`/api/organizations/${POLIS.id}/users`);
    expect(first.controls.ownerId.value).toBe('user-obo');
  });
});
