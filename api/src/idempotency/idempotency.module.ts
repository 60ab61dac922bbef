import { Module } from '@nestjs/common';
import { IdempotencyInterceptor, IdempotencyService } from './idempotency';

/** The Idempotency-Key of creates and events: the service their transactions run through, and the interceptor @Idempotent() binds. */
@Module({ providers: [IdempotencyService, IdempotencyInterceptor], exports: [IdempotencyService, IdempotencyInterceptor] })
export class IdempotencyModule {}
