import type { JointProgrammeReport } from './joint-programme-report';
import { reportFacts, reportTables, shown, type ReportTable } from './report-tables';

/** Characters that format inline Markdown (and `|`, which ends a table cell), escaped to read as text. */
const escapeInline = (text: string) => text.replace(/[\\`*_[\]<>|~]/g, '\\$&');
/** A table cell is one line. */
const cell = (text: string) => escapeInline(text.replace(/\s*[\r\n]+\s*/g, ' '));
/** Paragraphs stay paragraphs; a line that would start a heading, list or quote is escaped. */
const paragraphs = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) =>
      escapeInline(p.trim())
        .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
        .replace(/^(\s*\d+)\./gm, '$1\\.'),
    )
    .join('\n\n');

function grid(table: ReportTable): string[] {
  const header = `| ${table.columns.map((c) => cell(c.header)).join(' | ')} |`;
  const rule = `| ${table.columns.map((c) => (c.kind === 'text' ? '---' : '---:')).join(' | ')} |`;
  const line = (row: (string | null)[], bold: boolean) => {
    const texts = row.map((v, i) => {
      const text = cell(shown(v, table.columns[i].kind));
      return bold && v ? `**${text}**` : text;
    });
    return `| ${texts.join(' | ')} |`;
  };
  return [header, rule, ...table.rows.map((r) => line(r, false)), ...table.totals.map((r) => line(r, true))];
}

function section(table: ReportTable): string[] {
  const head = [`## ${cell(table.title)}`, '', `_${cell(table.note)}_`, ''];
  if (!table.rows.length) return [...head, cell(table.empty), ''];
  if (table.layout === 'paragraphs') {
    return [
      ...head,
      ...table.rows.flatMap(([name, code, text]) => [
        `### ${cell(`${name} (${code})`)}`,
        '',
        paragraphs(text ?? ''),
        '',
      ]),
    ];
  }
  return [...head, ...grid(table), ''];
}

/** The report as a Markdown document (CommonMark with GFM tables); every text from the data is escaped. */
export function reportMarkdown(report: JointProgrammeReport): string {
  const title = `# ${cell(report.programme.title)}: progress report ${report.period.code}`;
  const facts = reportFacts(report).map(([label, value]) => `- **${label}:** ${cell(value)}`);
  return [title, '', ...facts, '', ...reportTables(report).flatMap(section)].join('\n');
}
