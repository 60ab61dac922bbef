import { Module } from '@nestjs/common';
import { AuditTrailModule } from '../audit/audit-trail.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { AreasController, AreasService } from './areas';
import { CategoriesController, CategoriesService } from './categories';
import { InvitationsController, InvitationsService } from './invitations';
import { OrganizationsController, OrganizationsService } from './organizations';
import { UsersController, UsersService } from './users';

/** The partnership directory: organisations, users, areas with their places and partners, report categories. */
@Module({
  imports: [AuditTrailModule, IdempotencyModule],
  controllers: [OrganizationsController, UsersController, AreasController, CategoriesController, InvitationsController],
  providers: [OrganizationsService, UsersService, AreasService, CategoriesService, InvitationsService],
  exports: [AreasService],
})
export class DirectoryModule {}
