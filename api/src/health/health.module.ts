import { Module } from '@nestjs/common';
import { ClientConfigController } from './client-config.controller';
import { HealthController } from './health.controller';

/** GET /api/health and GET /api/config. */
@Module({ controllers: [HealthController, ClientConfigController] })
export class HealthModule {}
