import { CSV_BYTE_ORDER_MARK } from '@concord/kernel';
import { buildRequestContext, ConcordHttpErrors, TokenVerifier } from '@concord/platform';
import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ThreeWExport } from '../application/three-w-export';
import { threeWCsvHead, threeWCsvLine } from '../domain/three-w-csv';
import type { ThreeWActivity } from '../domain/three-w-columns';
import { drained } from './drained';
import { ThreeWQuery } from './three-w.query';
import { writeThreeWXlsx } from './three-w-xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `GET /exports/3w.csv` and `GET /exports/3w.xlsx`, both `?country=KHM[&status=…&policyArea=…
 * &organisation=…&from=…&to=…]`: a country's 3W table as a download with an HXL row, streamed as
 * it is read. A bearer token is optional; without one, published activities only.
 */
@Controller('exports')
@UseFilters(ConcordHttpErrors)
export class ThreeWController {
  constructor(
    private readonly exporter: ThreeWExport,
    private readonly verifier: TokenVerifier,
  ) {}

  @Get('3w.csv')
  async csv(@Req() req: Request, @Res() res: Response, @Query() query: ThreeWQuery): Promise<void> {
    const batches = await this.rows(req, query);
    await send(res, 'text/csv; charset=utf-8', `3w-${query.country}.csv`, async () => {
      res.write(CSV_BYTE_ORDER_MARK + threeWCsvHead());
      for await (const batch of batches) {
        res.write(batch.map(threeWCsvLine).join(''));
        await drained(res);
      }
      res.end();
    });
  }

  @Get('3w.xlsx')
  async xlsx(@Req() req: Request, @Res() res: Response, @Query() query: ThreeWQuery): Promise<void> {
    const batches = await this.rows(req, query);
    await send(res, XLSX, `3w-${query.country}.xlsx`, () => writeThreeWXlsx(res, `3W ${query.country}`, batches));
  }

  /** Everything that can be refused (token, country) is checked here, before any header is sent. */
  private async rows(req: Request, query: ThreeWQuery): Promise<AsyncGenerator<ThreeWActivity[]>> {
    const ctx = await buildRequestContext(req, this.verifier);
    if (ctx.authError) throw ctx.authError;
    const { country, from, to, ...filter } = query;
    return this.exporter.rows(country, { ...filter, period: from || to ? { from, to } : undefined }, ctx.actor);
  }
}

async function send(res: Response, type: string, filename: string, write: () => Promise<void>): Promise<void> {
  res.status(200);
  res.type(type);
  res.setHeader('content-disposition', `attachment; filename="${filename}"`);
  try {
    await write();
  } catch (error) {
    res.destroy(error as Error); // the status is sent: a cut download is the only way left to say it failed
  }
}
