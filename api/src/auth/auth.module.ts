import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DirectoryModule } from '../directory/directory.module';
import { AuthController } from './auth.controller';
import { MeService } from './me.service';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';

/** Sign-in, sessions and the global AuthGuard that reads every endpoint's access declaration. */
@Module({
  imports: [DirectoryModule],
  controllers: [AuthController],
  providers: [AuthService, MeService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
