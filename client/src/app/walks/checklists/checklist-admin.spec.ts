import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ChecklistTemplateDto } from '@samverka/contracts';
import { noAnimations, settle } from '../../testing/http';
import { ChecklistAdmin } from './checklist-admin';

const DEFAULT: ChecklistTemplateDto = {
  id: 'cl-1',
  nameSv: 'Standard',
  nameEn: 'Default',
  items: [
    { key: 'lighting', labelSv: 'Belysning', labelEn: 'Lighting' },
    { key: 'litter', labelSv: 'Nedskräpning', labelEn: 'Litter' },
  ],
  active: true,
  isDefault: true,
};
const OLD: ChecklistTemplateDto = {
  id: 'cl-2',
  nameSv: 'Gammal',
  nameEn: 'Old',
  items: [{ key: 'feeling', labelSv: 'Känsla', labelEn: 'Feeling' }],
  active: false,
  isDefault: false,
};

describe('ChecklistAdmin', () => {
  let fixture: ComponentFixture<ChecklistAdmin>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ChecklistAdmin);
    await fixture.whenStable();
    http.expectOne('/api/walk-checklists').flush([DEFAULT, OLD]);
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => (e.innerHTML = ''));
  });

  const root = () => fixture.nativeElement as HTMLElement;
  const dialog = () => document.querySelector<HTMLElement>('sv-checklist-dialog')!;
  const type = (input: HTMLInputElement, value: string) => {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const inputs = (name: string) => Array.from(dialog().querySelectorAll<HTMLInputElement>(`input[formcontrolname="${name}"]`));

  it('lists the templates with their items, marking the default and the inactive ones, in a named scroll region', () => {
    expect(root().querySelector('h1')?.textContent).toContain('Checklistor för trygghetsvandringar');
    const rows = Array.from(root().querySelectorAll('tr[data-testid="row"]')).map((tr) =>
      Array.from(tr.children).map((td) => td.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).toEqual([
      ['Standard (standard)', 'Default', 'Belysning, Nedskräpning', 'Ja', ''],
      ['Gammal', 'Old', 'Känsla', 'Nej', ''],
    ]);
    const region = root().querySelector('[role="region"]')!;
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(document.getElementById(region.getAttribute('aria-labelledby')!)?.textContent).toContain('Checklistor');
  });

  it('creates a template with items in Swedish and English', async () => {
    root().querySelector<HTMLButtonElement>('[data-testid="create"]')!.click();
    await settle();
    type(inputs('nameSv')[0], ' Kvällsvandring ');
    type(inputs('nameEn')[0], 'Evening walk');
    type(inputs('key')[0], 'lighting');
    type(inputs('labelSv')[0], 'Belysning');
    type(inputs('labelEn')[0], 'Lighting');
    dialog().querySelector<HTMLButtonElement>('[data-testid="add-item"]')!.click();
    await settle();
    // An item with a bad key is not sent.
    type(inputs('key')[1], 'Bad Key');
    type(inputs('labelSv')[1], 'Buskar');
    type(inputs('labelEn')[1], 'Bushes');
    dialog().querySelector<HTMLButtonElement>('[data-testid="save"]')!.click();
    await settle();
    http.expectNone('/api/walk-checklists');
    type(inputs('key')[1], 'bushes');
    dialog().querySelector<HTMLButtonElement>('[data-testid="save"]')!.click();
    await settle();
    const req = http.expectOne((r) => r.url === '/api/walk-checklists' && r.method === 'POST');
    expect(req.request.body).toEqual({
      nameSv: 'Kvällsvandring',
      nameEn: 'Evening walk',
      items: [
        { key: 'lighting', labelSv: 'Belysning', labelEn: 'Lighting' },
        { key: 'bushes', labelSv: 'Buskar', labelEn: 'Bushes' },
      ],
    });
    req.flush({ ...DEFAULT, id: 'cl-3', isDefault: false });
    await settle();
    http.expectOne('/api/walk-checklists').flush([DEFAULT, OLD]);
    await settle();
  });

  it('edits a template: saved keys are fixed, items can be removed and the template switched off', async () => {
    root().querySelectorAll<HTMLButtonElement>('[data-testid="edit"]')[0].click();
    await settle();
    expect(inputs('key').map((i) => [i.value, i.disabled])).toEqual([
      ['lighting', true],
      ['litter', true],
    ]);
    dialog().querySelectorAll<HTMLButtonElement>('[data-testid="remove-item"]')[1].click();
    await settle();
    // The last item cannot be removed.
    expect(dialog().querySelector<HTMLButtonElement>('[data-testid="remove-item"]')!.disabled).toBe(true);
    type(inputs('labelEn')[0], 'Street lighting');
    dialog().querySelector<HTMLButtonElement>('mat-slide-toggle button')!.click();
    dialog().querySelector<HTMLButtonElement>('[data-testid="save"]')!.click();
    await settle();
    const req = http.expectOne((r) => r.url === '/api/walk-checklists/cl-1' && r.method === 'PATCH');
    expect(req.request.body).toEqual({
      nameSv: 'Standard',
      nameEn: 'Default',
      items: [{ key: 'lighting', labelSv: 'Belysning', labelEn: 'Street lighting' }],
      active: false,
    });
    // A refusal keeps the dialog open with what was typed (and the list is not read again: http.verify).
    req.flush(
      { code: 'VALIDATION', message: 'Invalid', errors: [{ field: 'items.0.labelEn', message: 'labelEn must be 2–200 characters' }] },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();
    expect(dialog()).not.toBeNull();
    expect(inputs('labelEn')[0].value).toBe('Street lighting');
  });
});
