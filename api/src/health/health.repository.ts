import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { withStatementLimit } from '../database/statement-limit';

/** The health check's one statement: it answers when the database does. */
@Injectable()
export class HealthRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * `SELECT 1` within `limitMs`: the statement's own limit ends the wait on a frozen database and drops its
   * connection; the race also covers the wait for a free connection from the pool.
   */
  async ping(limitMs: number): Promise<void> {
    await Promise.race([
      withStatementLimit(limitMs, () => this.db.query('SELECT 1')),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), limitMs).unref()),
    ]);
  }
}
