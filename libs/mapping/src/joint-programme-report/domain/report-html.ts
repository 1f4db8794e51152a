import type { JointProgrammeReport } from './joint-programme-report';
import { reportFacts, reportTables, shown, type ReportTable } from './report-tables';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every text from the data goes through this: no markup from a title or narrative reaches the page. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);

const STYLE = `
body { font-family: Helvetica, Arial, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: 0.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1rem; margin-bottom: 0.25rem; } .note { color: #555; font-style: italic; font-size: 0.9rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; } dt { font-weight: bold; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; } th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; vertical-align: top; }
th { background: #eef2f6; text-align: left; } td.n, th.n { text-align: right; white-space: nowrap; } tr.total td { font-weight: bold; }`;

function grid(table: ReportTable): string {
  const cls = (i: number) => (table.columns[i].kind === 'text' ? '' : ' class="n"');
  const head = table.columns.map((c, i) => `<th${cls(i)}>${escapeHtml(c.header)}</th>`).join('');
  const line = (row: (string | null)[], total: boolean) =>
    `<tr${total ? ' class="total"' : ''}>${row.map((v, i) => `<td${cls(i)}>${escapeHtml(shown(v, table.columns[i].kind))}</td>`).join('')}</tr>`;
  return [
    `<table><thead><tr>${head}</tr></thead><tbody>`,
    ...table.rows.map((r) => line(r, false)),
    ...table.totals.map((r) => line(r, true)),
    '</tbody></table>',
  ].join('\n');
}

function paragraphs(table: ReportTable): string {
  return table.rows
    .map(([name, code, text]) => {
      const body = (text ?? '')
        .split(/\r?\n\s*\r?\n/)
        .map((p) => `<p>${escapeHtml(p.trim()).replace(/\r?\n/g, '<br>')}</p>`)
        .join('');
      return `<h3>${escapeHtml(`${name} (${code})`)}</h3>${body}`;
    })
    .join('\n');
}

function section(table: ReportTable): string {
  const body = !table.rows.length
    ? `<p>${escapeHtml(table.empty)}</p>`
    : table.layout === 'paragraphs'
      ? paragraphs(table)
      : grid(table);
  return `<section id="${table.name}"><h2>${escapeHtml(table.title)}</h2><p class="note">${escapeHtml(table.note)}</p>\n${body}</section>`;
}

/** The report as one self-contained HTML page (inline style, no script); every text is escaped. */
export function reportHtml(report: JointProgrammeReport): string {
  const title = `${report.programme.title}: progress report ${report.period.code}`;
  const facts = reportFacts(report)
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1><dl class="facts">${facts}</dl>`,
    ...reportTables(report).map(section),
    '</body></html>',
    '',
  ].join('\n');
}
