import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Shared helpers of the accessibility and keyboard specs: axe checks and keyboard focus. */

/** WCAG 2.1 A and AA: what the Swedish law on accessibility of digital public services (via EN 301 549) requires. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Waits until the page has settled: its main heading is shown and no indeterminate progress bar runs. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('h1').first()).toBeVisible();
  await expect(page.locator('mat-progress-bar[mode="indeterminate"]')).toHaveCount(0);
  // Material's enter animations (dialogs, menus, ripples) end before colours are measured.
  await page.waitForTimeout(150);
}

/**
 * Third-party markup we cannot change, excluded from the checks (each with its reason):
 * none. Leaflet's own controls and markers are checked like everything else (the app names them).
 */
const EXCLUDE: string[] = [];

export interface AxeFinding {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe-core (WCAG 2.1 A/AA) on the page as it is; returns the serious and critical violations, and logs the rest. */
export async function axe(page: Page, label: string): Promise<AxeFinding[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  for (const selector of EXCLUDE) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const findings = results.violations.map((v) => ({
    page: label,
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
  for (const f of findings.filter((x) => x.impact !== 'serious' && x.impact !== 'critical')) {
    console.log(`[axe ${f.impact}] ${label}: ${f.rule} (${f.help}) – ${f.targets.slice(0, 5).join(', ')}`);
  }
  // A11Y_VERBOSE=1 also lists what axe could not decide by itself (to review by hand) and how much it checked.
  if (process.env['A11Y_VERBOSE']) {
    const review = results.incomplete
      .map((r) => {
        const reasons = new Map<string, number>();
        for (const n of r.nodes) {
          const key = String((n.any[0]?.data as { messageKey?: string } | null)?.messageKey ?? n.any[0]?.id ?? '?');
          reasons.set(key, (reasons.get(key) ?? 0) + 1);
        }
        return `${r.id}(${[...reasons].map(([k, c]) => `${k}:${c}`).join(',')})`;
      })
      .join(' ');
    console.log(`[axe] ${label}: ${results.passes.length} rules passed; to review: ${review || 'none'}`);
  }
  return findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

/** Fails (softly, so that every page of a test is still checked) when the page has serious or critical violations. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const serious = await axe(page, label);
  const report = serious.map((f) => `  ${f.impact} ${f.rule} (${f.help}):\n${f.targets.map((t) => `    ${t}`).join('\n')}`).join('\n');
  expect.soft(serious, `${label} (${page.url()}):\n${report}`).toEqual([]);
}

/** A description of the element that has the keyboard focus, and whether a focus indicator is visible on it. */
export async function focused(
  page: Page,
): Promise<{ tag: string; text: string; name: string; testId: string; id: string; role: string; type: string; visibleIndicator: boolean; inDialog: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body)
      return { tag: 'body', text: '', name: '', testId: '', id: '', role: '', type: '', visibleIndicator: false, inDialog: false };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const ring = style.boxShadow !== 'none';
    // Checkboxes and radios show their ring on the visible box next to the hidden native input.
    const box = el.matches('.mdc-checkbox__native-control, .mdc-radio__native-control')
      ? (el.parentElement?.querySelector('.mdc-checkbox__background, .mdc-radio__background') as HTMLElement | null)
      : null;
    const boxOutline = box ? getComputedStyle(box).outlineStyle !== 'none' && parseFloat(getComputedStyle(box).outlineWidth) >= 2 : false;
    const labelled =
      el.getAttribute('aria-label') ??
      (el.getAttribute('aria-labelledby') ? (document.getElementById(el.getAttribute('aria-labelledby')!.split(' ')[0])?.textContent ?? '') : '');
    const fieldLabel = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
    // Material form fields show focus by their thick primary-coloured outline (the input itself has none).
    const field = el.closest('.mat-mdc-form-field');
    const fieldFocused = !!field && field.classList.contains('mat-focused');
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.innerText ?? '').trim().replace(/\s+/g, ' '),
      name: (labelled || fieldLabel).trim().replace(/\s+/g, ' '),
      testId: el.getAttribute('data-testid') ?? '',
      id: el.id,
      role: el.getAttribute('role') ?? '',
      type: el.getAttribute('type') ?? '',
      visibleIndicator: outline || ring || boxOutline || fieldFocused,
      inDialog: !!el.closest('mat-dialog-container, [role="dialog"]'),
    };
  });
}

export type Focused = Awaited<ReturnType<typeof focused>>;

/**
 * Presses Tab (or Shift+Tab) until the focused element satisfies `match`, at most `max` times; fails naming the
 * elements passed. Only the keyboard moves the focus.
 */
export async function tabTo(page: Page, match: (f: Focused) => boolean, what: string, options: { max?: number; back?: boolean } = {}): Promise<Focused> {
  const passed: string[] = [];
  for (let i = 0; i < (options.max ?? 60); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (match(f)) return f;
    passed.push(`${f.tag}${f.testId ? `[${f.testId}]` : ''} "${(f.name || f.text).slice(0, 40)}"`);
  }
  throw new Error(`Could not reach ${what} with ${options.back ? 'Shift+Tab' : 'Tab'}; passed: ${passed.join(' → ')}`);
}

/** Asserts that the focused element shows a visible focus indicator (WCAG 2.4.7). */
export async function expectVisibleFocus(page: Page, what: string): Promise<void> {
  const f = await focused(page);
  expect(f.visibleIndicator, `${what}: the focused ${f.tag} "${f.name || f.text}" shows a focus indicator`).toBe(true);
}
