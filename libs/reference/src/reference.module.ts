import { Module } from '@nestjs/common';
import { ReferenceResolver } from './graphql/reference.resolver';

@Module({ providers: [ReferenceResolver] })
export class ReferenceModule {}
