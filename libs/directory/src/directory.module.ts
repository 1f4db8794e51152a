import { Module } from '@nestjs/common';
import { OrganisationModule } from './organisation/organisation.module';

/** The directory's GraphQL and command handlers: one module per aggregate. */
@Module({ imports: [OrganisationModule] })
export class DirectoryModule {}
