import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthService } from '../core/auth/auth';
import { me } from '../testing/fixtures';
import { noAnimations, settle } from '../testing/http';
import { importDto } from '../testing/report-fixtures';
import { IMPORT_POLL_MS, ImportPage } from './import-page';

describe('ImportPage', () => {
  let fixture: ComponentFixture<ImportPage>;
  let http: HttpTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), noAnimations, { provide: IMPORT_POLL_MS, useValue: 0 }],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).setUser(me(['analyst']));
    fixture = TestBed.createComponent(ImportPage);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const text = (selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  function chooseFile(file: File): void {
    const input = root.querySelector<HTMLInputElement>('[data-testid="import-file"]')!;
    const files = { 0: file, length: 1, item: (i: number) => (i === 0 ? file : null) } as unknown as FileList;
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
  }

  it('asks for a file first', async () => {
    root.querySelector<HTMLButtonElement>('[data-testid="import-start"]')!.click();
    await fixture.whenStable();
    http.expectNone('/api/reports/import');
    expect(text('[data-testid="import-error"]')).toBe('Välj en CSV-fil.');
  });

  it('uploads with progress, polls the import until it is completed and lists the rejected rows', async () => {
    chooseFile(new File(['tid;plats;kategori;beskrivning\n'], 'polisen.csv', { type: 'text/csv' }));
    await fixture.whenStable();
    expect(text('#file-name')).toBe('polisen.csv');
    (root.querySelector('[data-testid="import-valid-only"] input') as HTMLInputElement).click();
    root.querySelector<HTMLButtonElement>('[data-testid="import-start"]')!.click();
    await fixture.whenStable();

    const upload = http.expectOne({ method: 'POST', url: '/api/reports/import' });
    const body = upload.request.body as FormData;
    expect((body.get('file') as File).name).toBe('polisen.csv');
    expect(body.get('mode')).toBe('valid_only');
    expect(body.has('areaId')).toBe(false);
    expect(upload.request.reportProgress).toBe(true);

    upload.event({ type: HttpEventType.UploadProgress, loaded: 30, total: 100 });
    await fixture.whenStable();
    expect(text('[data-testid="import-status"]')).toBe('Laddar upp filen: 30 %');
    expect(root.querySelector('[data-testid="import-status"]')!.getAttribute('aria-live')).toBe('polite');

    upload.flush(importDto(), { status: 202, statusText: 'Accepted' });
    await settle();
    http.expectOne('/api/imports/import-1').flush(importDto({ progress: 40, rowsRead: 1200 }));
    await settle();
    expect(text('[data-testid="import-status"]')).toBe('Importerar: 40 % (1 200 rader lästa)');
    expect(root.querySelector('[data-testid="import-progress"]')!.getAttribute('aria-valuenow')).toBe('70');

    http.expectOne('/api/imports/import-1').flush(
      importDto({
        status: 'completed',
        progress: 100,
        rowsRead: 2500,
        importedRows: 2480,
        duplicateRows: 18,
        rejectedCount: 2,
        rejected: [
          { line: 17, field: 'category', reason: 'unknown category "Fylleri"', code: 'category.unknown', value: 'Fylleri' },
          { line: 230, field: 'occurredAt', reason: 'the time is in the future', code: 'time.future' },
        ],
        finishedAt: '2026-11-20T10:00:05.000Z',
      }),
    );
    await settle();
    http.expectNone('/api/imports/import-1');

    expect(text('#import-summary-heading')).toBe('Importen är klar');
    expect(text('[data-testid="rows-read"]')).toBe('2500');
    expect(text('[data-testid="rows-imported"]')).toBe('2480');
    expect(text('[data-testid="rows-duplicate"]')).toBe('18');
    expect(text('[data-testid="rows-rejected"]')).toBe('2');
    const rows = Array.from(root.querySelectorAll('[data-testid="rejected-table"] tbody tr')).map((tr) =>
      Array.from(tr.children).map((td) => td.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['17', 'Kategori', 'okänd kategori "Fylleri"'],
      ['230', 'Tid', 'tidpunkten ligger i framtiden'],
    ]);
  });

  it('shows why an all-or-nothing import failed', async () => {
    chooseFile(new File(['x'], 'fel.csv', { type: 'text/csv' }));
    root.querySelector<HTMLButtonElement>('[data-testid="import-start"]')!.click();
    await fixture.whenStable();
    const upload = http.expectOne({ method: 'POST', url: '/api/reports/import' });
    expect((upload.request.body as FormData).get('mode')).toBe('all_or_nothing');
    upload.flush(
      importDto({
        status: 'failed',
        progress: 100,
        rowsRead: 3,
        rejectedCount: 1,
        rejected: [{ line: 3, field: 'place', reason: 'unknown place "Månen" in the area, and no coordinates', code: 'place.unknown', value: 'Månen' }],
        error: '1 of 3 rows were rejected, so nothing was imported (choose "import valid rows only" to import the others)',
      }),
      { status: 202, statusText: 'Accepted' },
    );
    await settle();
    expect(text('#import-summary-heading')).toBe('Importen misslyckades');
    // Every message in Swedish, and each said once (not in the status line as well as the heading).
    expect(text('[data-testid="import-failure"]')).toBe(
      '1 av 3 rader avvisades, så ingenting importerades. Välj "Importera endast giltiga rader" för att importera de andra.',
    );
    expect(text('[data-testid="rejected-table"] tbody td:last-child')).toBe('okänd plats "Månen" i området, och inga koordinater');
    expect(root.textContent.split('Importen misslyckades').length - 1).toBe(1);
    expect(root.textContent).not.toMatch(/rows were rejected|unknown place/);
  });

  it('translates the API’s answer to a file without the needed columns', async () => {
    chooseFile(new File(['a;b\n'], 'fel.csv', { type: 'text/csv' }));
    root.querySelector<HTMLButtonElement>('[data-testid="import-start"]')!.click();
    await fixture.whenStable();
    http
      .expectOne({ method: 'POST', url: '/api/reports/import' })
      .flush(
        { statusCode: 422, code: 'VALIDATION_FAILED', message: 'The file has no column for: category (kategori)', field: 'file' },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    await settle();
    expect(text('[data-testid="import-error"]')).toBe('Filen saknar kolumn för: kategori');
  });
  it("says in the user's language why the server stopped an import or could not read the file", async () => {
    chooseFile(new File(['x'], 'fel.csv', { type: 'text/csv' }));
    root.querySelector<HTMLButtonElement>('[data-testid="import-start"]')!.click();
    await fixture.whenStable();
    http
      .expectOne({ method: 'POST', url: '/api/reports/import' })
      .flush(importDto({ status: 'failed', progress: 100, error: 'The file could not be read: Invalid Closing Quote; nothing was imported' }), {
        status: 202,
        statusText: 'Accepted',
      });
    await settle();
    expect(text('[data-testid="import-failure"]')).toBe('Filen gick inte att läsa (Invalid Closing Quote). Ingenting importerades.');
  });

  describe('as a coordinator', () => {
    const partners = [
      {
        id: 'area-vivalla',
        name: 'Vivalla',
        description: null,
        placeCount: 3,
        partners: [
          { id: 'org-kommun', name: 'Örebro kommun', type: 'kommun' },
          { id: 'org-bostad', name: 'Bostadsbolaget AB', type: 'fastighetsbolag' },
        ],
      },
      {
        id: 'area-baronbackarna',
        name: 'Baronbackarna',
        description: null,
        placeCount: 2,
        partners: [{ id: 'org-handel', name: 'Handlarna', type: 'naringsliv' }],
      },
    ];

    beforeEach(async () => {
      fixture.destroy();
      TestBed.inject(AuthService).setUser(me(['coordinator']));
      fixture = TestBed.createComponent(ImportPage);
      root = fixture.nativeElement as HTMLElement;
      http.expectOne('/api/areas').flush(partners);
      await settle();
      await fixture.whenStable();
    });

    it('chooses the partner whose export the file is, among the partners of the chosen area, and says whom the reports were credited to', async () => {
      const options = async () => {
        root.querySelector<HTMLElement>('[data-testid="import-source"] .mat-mdc-select-trigger')!.click();
        await fixture.whenStable();
        return Array.from(document.querySelectorAll('mat-option')).map((o) => o.textContent?.trim());
      };
      expect(await options()).toEqual(['Örebro kommun (din organisation)', 'Bostadsbolaget AB', 'Handlarna']);
      (Array.from(document.querySelectorAll('mat-option')).find((o) => o.textContent?.includes('Bostadsbolaget')) as HTMLElement).click();
      await fixture.whenStable();

      chooseFile(new File(['x'], 'bostad.csv', { type: 'text/csv' }));
      root.querySelector<HTMLButtonElement>('[data-testid="import-start"]')!.click();
      await fixture.whenStable();
      const upload = http.expectOne({ method: 'POST', url: '/api/reports/import' });
      expect((upload.request.body as FormData).get('sourceOrganizationId')).toBe('org-bostad');
      upload.flush(importDto({ status: 'completed', progress: 100, sourceOrganizationId: 'org-bostad', rowsRead: 1, importedRows: 1 }), {
        status: 202,
        statusText: 'Accepted',
      });
      await settle();
      expect(text('[data-testid="import-credited"]')).toBe('Rapporterna räknas till Bostadsbolaget AB.');
    });
  });
});
