import { buildRequestContext, ConcordHttpErrors, TokenVerifier } from '@concord/platform';
import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ThreeWExport } from '../application/three-w-export';
import { ThreeWQuery } from './three-w.query';

/**
 * `GET /exports/3w.csv?country=KHM[&status=…&policyArea=…&organisation=…&from=…&to=…]`: a country's
 * 3W table as a CSV download with an HXL row, streamed as it is read. A bearer token is optional;
 * without one, published activities only.
 */
@Controller('exports')
@UseFilters(ConcordHttpErrors)
export class ThreeWController {
  constructor(
    private readonly exporter: ThreeWExport,
    private readonly verifier: TokenVerifier,
  ) {}

  @Get('3w.csv')
  async threeW(@Req() req: Request, @Res() res: Response, @Query() query: ThreeWQuery): Promise<void> {
    const ctx = await buildRequestContext(req, this.verifier);
    if (ctx.authError) throw ctx.authError;
    const { country, from, to, ...filter } = query;
    const chunks = this.exporter.csv(country, { ...filter, period: from || to ? { from, to } : undefined }, ctx.actor);
    // The first chunk (the head) is taken before the headers go: a refusal still gets its status.
    const first = await chunks.next();
    res.status(200);
    res.type('text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="3w-${country}.csv"`);
    if (!first.done) res.write(first.value);
    try {
      for await (const chunk of chunks) {
        if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
    } catch (error) {
      res.destroy(error as Error); // the status is sent: a cut download is the only way left to say it failed
    }
  }
}
