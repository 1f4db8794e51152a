import { buildRequestContext, ConcordHttpErrors, TokenVerifier } from '@concord/platform';
import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { JointProgrammeReportQuery } from '../application/joint-programme-report.query';
import { reportPdf } from '../application/report-pdf';
import type { JointProgrammeReport } from '../domain/joint-programme-report';
import { reportCsv } from '../domain/report-csv';
import { reportHtml } from '../domain/report-html';
import { reportMarkdown } from '../domain/report-markdown';
import { reportTableName } from '../domain/report-tables';
import { ReportDownloadQuery } from './report-download.query';

/**
 * `GET /exports/joint-programmes/{id or code}/report.{md,html,pdf,csv}?period=2024[&table=budget]`:
 * a joint programme's progress report as a download. A bearer token is optional; without one,
 * published programmes only and no contribution amounts. Refusals are 400 (period, table), 401
 * (a token that does not verify) and 404 (programme, or no report for the period).
 */
@Controller('exports/joint-programmes')
@UseFilters(ConcordHttpErrors)
export class JointProgrammeReportController {
  constructor(
    private readonly query: JointProgrammeReportQuery,
    private readonly verifier: TokenVerifier,
  ) {}

  @Get(':id/report.md')
  async markdown(@Req() req: Request, @Res() res: Response, @Param('id') id: string, @Query() q: ReportDownloadQuery) {
    const report = await this.read(req, id, q);
    send(res, fileName(report, 'md'), 'text/markdown; charset=utf-8', reportMarkdown(report));
  }

  @Get(':id/report.html')
  async html(@Req() req: Request, @Res() res: Response, @Param('id') id: string, @Query() q: ReportDownloadQuery) {
    const report = await this.read(req, id, q);
    // The page holds no script; tell the browser to run none, whatever a text might slip in.
    res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    send(res, fileName(report, 'html'), 'text/html; charset=utf-8', reportHtml(report));
  }

  @Get(':id/report.csv')
  async csv(@Req() req: Request, @Res() res: Response, @Param('id') id: string, @Query() q: ReportDownloadQuery) {
    const ctx = await buildRequestContext(req, this.verifier);
    if (ctx.authError) throw ctx.authError;
    const table = reportTableName(q.table);
    const report = await this.query.report(id, q.period, ctx.actor);
    send(res, fileName(report, 'csv', table), 'text/csv; charset=utf-8', reportCsv(report, table));
  }

  @Get(':id/report.pdf')
  async pdf(@Req() req: Request, @Res() res: Response, @Param('id') id: string, @Query() q: ReportDownloadQuery) {
    const report = await this.read(req, id, q);
    const document = reportPdf(report); // laid out in full here, so a failure still gets its status
    res.status(200).type('application/pdf');
    res.setHeader('content-disposition', `attachment; filename="${fileName(report, 'pdf')}"`);
    document.pipe(res);
  }

  private async read(req: Request, id: string, q: ReportDownloadQuery): Promise<JointProgrammeReport> {
    const ctx = await buildRequestContext(req, this.verifier);
    if (ctx.authError) throw ctx.authError;
    return this.query.report(id, q.period, ctx.actor);
  }
}

/** 'JP-KHM-report-2024-H1.pdf', 'JP-KHM-report-2024-budget.csv'; anything but letters, digits, _ . - as _. */
const fileName = (report: JointProgrammeReport, extension: string, table?: string) =>
  `${report.programme.code}-report-${report.period.code}${table ? `-${table}` : ''}.${extension}`.replace(
    /[^A-Za-z0-9_.-]/g,
    '_',
  );

function send(res: Response, file: string, type: string, body: string): void {
  res.status(200).type(type);
  res.setHeader('content-disposition', `attachment; filename="${file}"`);
  res.send(body);
}
