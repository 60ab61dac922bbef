import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AccessibilityContactDto, ClientConfigDto } from '@samverka/contracts';
import { Public, SignedIn } from '../auth/access.decorators';
import { AppConfig } from '../common/config';
import { APP_CONFIG } from '../common/tokens';
import { Answers } from '../openapi/responses';

/** The few settings the client needs at run time (the map's tile server). */
@ApiTags('health')
@Controller('config')
export class ClientConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @SignedIn()
  @Answers(200, 'ClientConfigDto')
  get(): ClientConfigDto {
    return { mapTileUrl: this.config.mapTileUrl, mapAttribution: this.config.mapAttribution, demoMode: this.config.demoMode };
  }

  /** Who runs this installation, for the accessibility statement, which must be readable without signing in. */
  @Get('accessibility')
  @Public()
  @Answers(200, 'AccessibilityContactDto')
  accessibility(): AccessibilityContactDto {
    return this.config.accessibility;
  }
}
