import { Module } from '@nestjs/common';
import { EffectsController } from './effects.controller';
import { EffectsService } from './effects.service';

/** The effect register (issue #16). The figures themselves are computed and frozen by the case workflow (cases/). */
@Module({
  controllers: [EffectsController],
  providers: [EffectsService],
})
export class EffectsModule {}
