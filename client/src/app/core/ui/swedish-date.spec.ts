import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { SwedishDateInput, SwedishTimeInput, normaliseDate, normaliseTime } from './swedish-date';

@Component({
  imports: [ReactiveFormsModule, SwedishDateInput, SwedishTimeInput],
  template: `<input svDate [formControl]="date" min="2026-12-01" max="2026-12-31" /><input svTime [formControl]="time" />`,
})
class Host {
  readonly date = new FormControl('', { nonNullable: true });
  readonly time = new FormControl('', { nonNullable: true });
}

describe('Swedish date and time fields', () => {
  it('are text fields showing 2026-12-02 and 22:30 whatever the browser language (not type="date")', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const [date, time] = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('input'));
    expect(date.type).toBe('text');
    expect(time.type).toBe('text');
    expect(date.placeholder).toBe('ÅÅÅÅ-MM-DD');
    expect(time.placeholder).toBe('TT:MM');
    fixture.componentInstance.date.setValue('2026-12-02');
    fixture.componentInstance.time.setValue('22:30');
    await fixture.whenStable();
    expect([date.value, time.value]).toEqual(['2026-12-02', '22:30']);
  });

  it('tidies what was typed when the field is left, and validates dates, limits and times', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const host = fixture.componentInstance;
    const [date, time] = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('input'));
    date.value = '20261202';
    date.dispatchEvent(new Event('input'));
    date.dispatchEvent(new Event('blur'));
    time.value = '2230';
    time.dispatchEvent(new Event('input'));
    time.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
    expect([host.date.value, host.time.value]).toEqual(['2026-12-02', '22:30']);
    expect([host.date.valid, host.time.valid]).toEqual([true, true]);

    host.date.setValue('2026-02-30');
    expect(host.date.errors).toEqual({ message: 'common.invalidDate' });
    host.date.setValue('12/02/2026');
    expect(host.date.errors).toEqual({ message: 'common.invalidDate' });
    host.date.setValue('2026-11-30');
    expect(host.date.errors).toEqual({ message: 'common.dateTooEarly' });
    host.date.setValue('2027-01-01');
    expect(host.date.errors).toEqual({ message: 'common.dateTooLate' });
    host.time.setValue('10:30 PM');
    expect(host.time.errors).toEqual({ message: 'common.invalidTime' });
    host.time.setValue('24:00');
    expect(host.time.errors).toEqual({ message: 'common.invalidTime' });
  });

  it('normalises the usual ways of typing', () => {
    expect(['2026-12-2', '2026/12/02', '2026 12 02', '20261202'].map(normaliseDate)).toEqual(Array(4).fill('2026-12-02'));
    expect(['22.30', '2230', '22:30'].map(normaliseTime)).toEqual(['22:30', '22:30', '22:30']);
    expect(normaliseTime('9:05')).toBe('09:05');
  });
});
