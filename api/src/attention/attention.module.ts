import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { AttentionController } from './attention.controller';
import { AttentionService } from './attention.service';

/** The start page "Att göra" (issue #15): reads cases, actions, meetings, levels, reports and imports; changes nothing. */
@Module({
  imports: [SettingsModule],
  controllers: [AttentionController],
  providers: [AttentionService],
})
export class AttentionModule {}
