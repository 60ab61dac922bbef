import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HealthDto } from '@samverka/contracts';
import type { Response } from 'express';
import { Public } from '../auth/access.decorators';
import { HealthRepository } from './health.repository';
import { Answers } from '../openapi/responses';

/** How long the health check waits for the database, whatever DB_TIMEOUT_MS says: load balancers probe often. */
const HEALTH_LIMIT_MS = 2000;
/** Seconds a caller is asked to wait before trying again while the database cannot be reached (as the API's 503s). */
export const RETRY_AFTER_SECONDS = 5;

/** Liveness and database state, for load balancers and for `npm start` to know when it is ready. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly repository: HealthRepository) {}

  @Get()
  @Public()
  @Answers(200, 'HealthDto', 'Up')
  @Answers(503, 'HealthDto', 'The database cannot be reached (with Retry-After)')
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    try {
      await this.repository.ping(HEALTH_LIMIT_MS);
      return { status: 'ok', database: 'up' };
    } catch {
      res.status(503);
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      return { status: 'unavailable', database: 'down' };
    }
  }
}
