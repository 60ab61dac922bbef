import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import type { AccessibilityContactDto } from '@samverka/contracts';
import { RouterLink } from '@angular/router';
import { I18n, TPipe } from '../core/i18n/i18n';
import { Icon } from '../core/ui/icon';
import { LangSwitch } from '../core/ui/lang-switch';
import { ACCESSIBILITY_STATEMENT_CONFIG } from './statement-config';

/** DIGG's form for reporting inaccessible digital public services. */
export const DIGG_REPORT_URL = 'https://www.digg.se/tdosanmalan';

/**
 * The accessibility statement (tillgänglighetsredogörelse), public: reachable without signing in, linked from the
 * sign-in page and the shell's footer. Structured as DIGG's model statement; the deploying organisation and its
 * contact details come from `ACCESSIBILITY_STATEMENT_CONFIG` (a neutral wording without them).
 */
@Component({
  selector: 'sv-accessibility-statement',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TPipe, Icon, LangSwitch],
  template: `
    <a class="skip-link" href="#main" (click)="skipToMain($event)">{{ 'app.skipToContent' | t }}</a>
    <header class="top">
      <a class="brand" routerLink="/">{{ 'app.name' | t }}</a>
      <sv-lang-switch />
    </header>
    <main id="main" tabindex="-1" data-testid="accessibility-statement">
      <p class="back">
        <a routerLink="/"><sv-icon name="arrowBack" /> {{ 'a11y.back' | t }}</a>
      </p>
      <h1>{{ 'a11y.heading' | t }}</h1>
      <p>{{ 'a11y.intro' | t: { organization: organization() } }}</p>
      <p>{{ 'a11y.deployment' | t }}</p>

      <h2>{{ 'a11y.status.heading' | t }}</h2>
      <p data-testid="compliance-status">{{ 'a11y.status.text' | t }}</p>
      <p>{{ 'a11y.status.works' | t }}</p>

      <h2>{{ 'a11y.help.heading' | t }}</h2>
      <p>{{ 'a11y.help.text' | t }}</p>

      <h2 id="report-heading">{{ 'a11y.report.heading' | t }}</h2>
      <p>{{ 'a11y.report.text' | t }}</p>
      @if (config().contactEmail || config().contactPhone) {
        <ul class="contact" data-testid="contact">
          @if (config().contactEmail) {
            <li>
              {{ 'a11y.report.email' | t }}: <a [href]="'mailto:' + config().contactEmail">{{ config().contactEmail }}</a>
            </li>
          }
          @if (config().contactPhone) {
            <li>
              {{ 'a11y.report.phone' | t }}: <a [href]="'tel:' + phoneLink()">{{ config().contactPhone }}</a>
            </li>
          }
        </ul>
      } @else {
        <p data-testid="contact">{{ 'a11y.report.contactNeutral' | t }}</p>
      }
      @if (config().issueTracker) {
        <p>
          <a [href]="config().issueTracker" rel="noopener">{{ 'a11y.report.source' | t }}</a>
        </p>
      }

      <h2>{{ 'a11y.enforcement.heading' | t }}</h2>
      <p>{{ 'a11y.enforcement.text' | t }}</p>
      <p>
        <a [href]="diggUrl" hreflang="sv" data-testid="digg-link">{{ 'a11y.enforcement.link' | t }}</a>
      </p>

      <h2>{{ 'a11y.technical.heading' | t }}</h2>
      <p>{{ 'a11y.technical.text' | t }}</p>

      <h2>{{ 'a11y.nonCompliant.heading' | t }}</h2>
      <p>{{ 'a11y.nonCompliant.intro' | t }}</p>
      <h3>{{ 'a11y.nonCompliant.lawHeading' | t }}</h3>
      <ul data-testid="non-compliant">
        <li>{{ 'a11y.nonCompliant.pdf' | t }}</li>
        <li>{{ 'a11y.nonCompliant.mapTiles' | t }}</li>
        <li>{{ 'a11y.nonCompliant.csv' | t }}</li>
      </ul>

      <h2>{{ 'a11y.assessment.heading' | t }}</h2>
      <p>{{ 'a11y.assessment.text' | t }}</p>
      <p data-testid="assessed-on">{{ 'a11y.assessment.date' | t: { date: date(config().assessedOn) } }}</p>

      <h2>{{ 'a11y.dates.heading' | t }}</h2>
      <p data-testid="statement-dates">
        {{ 'a11y.dates.statement' | t: { date: date(config().preparedOn) } }}
        {{ 'a11y.dates.updated' | t: { date: date(config().updatedOn) } }}
      </p>
    </main>
  `,
  styles: `
    :host {
      display: block;
      min-height: 100dvh;
      background: var(--mat-sys-surface);
    }
    .top {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      flex-wrap: wrap;
      padding: 0.5rem clamp(1rem, 3vw, 2.5rem);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
      --mat-button-text-label-text-color: var(--mat-sys-on-primary-container);
    }
    .brand {
      font: var(--mat-sys-title-large);
      font-weight: 700;
      color: inherit;
      text-decoration: none;
      padding: 0.25rem;
      border-radius: 4px;
    }
    main {
      max-width: 48rem;
      padding: 1.5rem clamp(1rem, 3vw, 2.5rem) 3rem;
      outline: none;
    }
    main p,
    main li {
      max-width: 70ch;
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 1rem 0 0.5rem;
    }
    li + li {
      margin-top: 0.5rem;
    }
    .back a {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
    }
  `,
})
export class AccessibilityStatement {
  private readonly http = inject(HttpClient);
  /** The built-in settings, overridden by what the installation configures (`GET /api/config/accessibility`). */
  protected readonly config = signal(inject(ACCESSIBILITY_STATEMENT_CONFIG));
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly diggUrl = DIGG_REPORT_URL;

  /** The deploying organisation's name, or the neutral wording, in the active language. */
  protected readonly organization = computed(() => this.config().organization ?? this.i18n.t('a11y.organization.neutral'));

  protected readonly phoneLink = computed(() => (this.config().contactPhone ?? '').replace(/[^\d+]/g, ''));

  constructor() {
    // Public: the statement is read before signing in. Without an answer the built-in wording stays.
    this.http.get<AccessibilityContactDto>('/api/config/accessibility').subscribe({
      next: (c) =>
        this.config.update((d) => ({
          ...d,
          organization: c.organization ?? d.organization,
          contactEmail: c.contactEmail ?? d.contactEmail,
          contactPhone: c.contactPhone ?? d.contactPhone,
        })),
      error: () => undefined,
    });
  }

  /** An ISO date ("2026-11-22") in the active language ("22 november 2026" / "22 November 2026"). */
  protected date(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${iso}T12:00:00Z`),
    );
  }

  /** The skip link moves the focus to the main content (a plain "#main" would leave the page: `<base href="/">`). */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.host.nativeElement.querySelector<HTMLElement>('#main')?.focus();
  }
}
