import { Module } from '@nestjs/common';
import { ClientConfigController } from './client-config.controller';
import { HealthController } from './health.controller';
import { HealthRepository } from './health.repository';

/** GET /api/health and GET /api/config. */
@Module({ controllers: [HealthController, ClientConfigController], providers: [HealthRepository] })
export class HealthModule {}
