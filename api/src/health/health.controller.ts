import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthDto } from '@samverka/contracts';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators';
import { withStatementLimit } from '../database/statement-limit';
import { healthRepository } from './health.repository';
import { Answers } from '../openapi/responses';

/** How long the health check waits for the database, whatever DB_TIMEOUT_MS says: load balancers probe often. */
const HEALTH_LIMIT_MS = 2000;
/** Seconds a caller is asked to wait before trying again while the database cannot be reached (as the API's 503s). */
export const RETRY_AFTER_SECONDS = 5;

/** Liveness and database state, for load balancers and for `npm start` to know when it is ready. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Public()
  @Answers(200, 'HealthDto', 'Up')
  @Answers(503, 'HealthDto', 'The database cannot be reached (with Retry-After)')
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    try {
      // The statement's own limit ends the wait on a frozen database and drops its connection; the race also covers
      // the wait for a free connection from the pool.
      await Promise.race([
        withStatementLimit(HEALTH_LIMIT_MS, () => healthRepository.ping(this.db)),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), HEALTH_LIMIT_MS).unref()),
      ]);
      return { status: 'ok', database: 'up' };
    } catch {
      res.status(503);
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      return { status: 'unavailable', database: 'down' };
    }
  }
}
