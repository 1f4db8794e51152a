import { Module } from '@nestjs/common';
import { CoordinationBodyModule } from './coordination-body/coordination-body.module';
import { FocalPointModule } from './focal-point/focal-point.module';
import { OrganisationModule } from './organisation/organisation.module';

/** The directory's GraphQL and command handlers: one module per aggregate. */
@Module({ imports: [OrganisationModule, CoordinationBodyModule, FocalPointModule] })
export class DirectoryModule {}
