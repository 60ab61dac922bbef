import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { LocalNumberPipe, TPipe } from '../../core/i18n/i18n';
import { ChangeText } from '../change-text';

/** One row of a figure table: this week's count against the average of the four weeks before. */
export interface FigureTableRow {
  key: string;
  name: string;
  count: number;
  previousAverage: number;
  change: number;
}

/** A table of counts (by category or by place) with the 4-week average and the change. */
@Component({
  selector: 'sv-figure-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TPipe, LocalNumberPipe, ChangeText],
  template: `
    @if (rows().length) {
      <div class="table-scroll">
        <table class="data-table" [attr.aria-labelledby]="labelledBy()" [attr.data-testid]="testId()">
          <thead>
            <tr>
              <th scope="col">{{ nameHeader() }}</th>
              <th scope="col" class="num">{{ 'picture.table.count' | t }}</th>
              <th scope="col" class="num">{{ 'picture.table.average' | t }}</th>
              <th scope="col">{{ 'picture.table.change' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.key) {
              <tr>
                <th scope="row">{{ row.name }}</th>
                <td class="num">{{ row.count }}</td>
                <td class="num">{{ row.previousAverage | localNumber: 2 }}</td>
                <td><sv-change [change]="row.change" /></td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    } @else {
      <p class="empty-state">{{ 'picture.table.empty' | t }}</p>
    }
  `,
})
export class FigureTable {
  /** The id of the heading that names the table. */
  readonly labelledBy = input.required<string>();
  /** The first column's header ("Kategori", "Plats"). */
  readonly nameHeader = input.required<string>();
  readonly rows = input.required<FigureTableRow[]>();
  readonly testId = input<string | null>(null);
}
