import { Module } from '@nestjs/common';

/** Programming's GraphQL and command handlers: one module per aggregate. */
@Module({ imports: [] })
export class ProgrammingModule {}
