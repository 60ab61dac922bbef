import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './config';
import { APP_CONFIG } from './tokens';

/** The validated configuration (`APP_CONFIG`), available to every module as configuration usually is. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
