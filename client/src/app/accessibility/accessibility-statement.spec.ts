import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { I18n } from '../core/i18n/i18n';
import { routes } from '../app.routes';
import { AccessibilityStatement, DIGG_REPORT_URL } from './accessibility-statement';
import { featureTexts } from '../app.features';
import { ACCESSIBILITY_STATEMENT_CONFIG, DEFAULT_STATEMENT_CONFIG, StatementConfig } from './statement-config';

describe('AccessibilityStatement', () => {
  let fixture: ComponentFixture<AccessibilityStatement>;

  async function render(config?: Partial<StatementConfig>): Promise<HTMLElement> {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        ...(config ? [{ provide: ACCESSIBILITY_STATEMENT_CONFIG, useValue: { ...DEFAULT_STATEMENT_CONFIG, ...config } }] : []),
      ],
    });
    TestBed.inject(I18n).use('sv');
    fixture = TestBed.createComponent(AccessibilityStatement);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const text = (root: HTMLElement, selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const headings = (root: HTMLElement, level: 'h1' | 'h2') => Array.from(root.querySelectorAll(level)).map((h) => h.textContent?.trim());

  afterEach(() => TestBed.inject(I18n).use('sv'));

  it('follows the structure of DIGG’s model statement, in Swedish', async () => {
    const root = await render();
    expect(headings(root, 'h1')).toEqual(['Tillgänglighetsredogörelse för Samverka']);
    expect(headings(root, 'h2')).toEqual([
      'Hur tillgänglig är tjänsten?',
      'Vad kan du göra om du inte kan använda delar av tjänsten?',
      'Rapportera brister i tjänstens tillgänglighet',
      'Tillsyn',
      'Teknisk information om tjänstens tillgänglighet',
      'Innehåll som inte är tillgängligt',
      'Hur vi testat tjänsten',
      'Om redogörelsen',
    ]);
    expect(root.querySelector('main#main')).not.toBeNull();
    expect(text(root, 'main')).toContain('delvis förenlig med lagen om tillgänglighet till digital offentlig service');
    expect(text(root, 'main')).toContain('WCAG) 2.1');
  });

  it('uses a neutral wording for the deploying organisation and its contact when none is configured', async () => {
    const root = await render();
    expect(text(root, 'main > p:nth-of-type(2)')).toMatch(/^Den kommun eller organisation som driver den här tjänsten står bakom/);
    expect(text(root, '[data-testid="contact"]')).toContain('den som administrerar Samverka i din organisation');
    expect(root.querySelector('[data-testid="contact"] a')).toBeNull();
  });

  it('names the configured organisation and links its contact details', async () => {
    const root = await render({ organization: 'Exempelstads kommun', contactEmail: 'tillganglighet@exempelstad.se', contactPhone: '010-123 45 67' });
    expect(text(root, 'main')).toContain('Exempelstads kommun står bakom den här tjänsten');
    const links = Array.from(root.querySelectorAll<HTMLAnchorElement>('[data-testid="contact"] a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['mailto:tillganglighet@exempelstad.se', 'tel:0101234567']);
  });

  it('takes the organisation and contact details the installation configures on the server', async () => {
    const root = await render();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/config/accessibility')
      .flush({ organization: 'Exempelstads kommun', contactEmail: 'tillganglighet@exempelstad.se', contactPhone: null });
    await fixture.whenStable();
    expect(text(root, 'main')).toContain('Exempelstads kommun står bakom den här tjänsten');
    expect(Array.from(root.querySelectorAll<HTMLAnchorElement>('[data-testid="contact"] a')).map((a) => a.getAttribute('href'))).toEqual([
      'mailto:tillganglighet@exempelstad.se',
    ]);
  });

  it('is honest about the known problems: untagged PDFs and the map tiles', async () => {
    const root = await render();
    const items = Array.from(root.querySelectorAll('[data-testid="non-compliant"] li')).map((li) => li.textContent ?? '');
    expect(items.some((t) => t.includes('PDF-dokumenten') && t.includes('inte taggade') && t.includes('1.3.1'))).toBe(true);
    expect(items.some((t) => t.includes('bildrutor') && t.includes('1.1.1'))).toBe(true);
  });

  it('links to DIGG’s enforcement form and dates the statement and the assessment', async () => {
    const root = await render({ preparedOn: '2026-11-22', updatedOn: '2026-12-01', assessedOn: '2026-11-22' });
    const digg = root.querySelector<HTMLAnchorElement>('[data-testid="digg-link"]')!;
    expect(digg.getAttribute('href')).toBe(DIGG_REPORT_URL);
    expect(DIGG_REPORT_URL).toBe('https://www.digg.se/tdosanmalan');
    expect(text(root, 'main')).toContain('Myndigheten för digital förvaltning');
    expect(text(root, '[data-testid="assessed-on"]')).toBe('Senaste bedömningen gjordes den 22 november 2026.');
    expect(text(root, '[data-testid="statement-dates"]')).toBe(
      'Redogörelsen upprättades den 22 november 2026. Redogörelsen uppdaterades senast den 1 december 2026.',
    );
    expect(text(root, 'main')).toContain('axe-core');
  });

  it('switches to English without reload', async () => {
    const root = await render();
    TestBed.inject(I18n).use('en');
    await fixture.whenStable();
    expect(headings(root, 'h1')).toEqual(['Accessibility statement for Samverka']);
    expect(headings(root, 'h2')).toContain('Enforcement procedure');
    expect(text(root, 'main')).toContain('The municipality or organisation that runs this service is responsible');
    expect(text(root, '[data-testid="assessed-on"]')).toBe('The latest assessment was made on 22 November 2026.');
    expect(document.documentElement.lang).toBe('en');
  });

  it('is a public route, outside the signed-in shell', () => {
    const route = routes.find((r) => r.path === 'tillganglighet');
    expect(route).toBeDefined();
    // Only the features' texts are loaded first; no sign-in is needed.
    expect(route?.canActivate).toEqual([featureTexts]);
    expect(route?.canMatch).toBeUndefined();
    expect(route?.title).toBe('a11y.title');
  });
});
