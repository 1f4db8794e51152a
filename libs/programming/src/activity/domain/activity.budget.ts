import { Decimal } from 'decimal.js';
import type { BudgetLine } from './activity.events';

/** The budget with `line` recorded: it replaces the line of the same year and currency, order kept by year. */
export function withBudgetLine(lines: readonly BudgetLine[], line: BudgetLine): BudgetLine[] {
  return [...lines.filter((l) => l.year !== line.year || l.currency !== line.currency), line].sort(
    (a, b) => a.year - b.year || a.currency.localeCompare(b.currency),
  );
}

export interface BudgetTotals {
  currency: string | null;
  required: string | null;
  available: string | null;
  spent: string | null;
}

/**
 * Sums over the years. Amounts in different currencies are not added up here (that needs the
 * exchange rates the funding context owns), so a mixed-currency budget has no totals.
 */
export function budgetTotals(lines: readonly BudgetLine[]): BudgetTotals {
  const currencies = new Set(lines.map((l) => l.currency));
  if (currencies.size !== 1) return { currency: null, required: null, available: null, spent: null };
  const sum = (pick: (l: BudgetLine) => string) =>
    lines.reduce((total, line) => total.plus(pick(line)), new Decimal(0)).toFixed(2);
  return {
    currency: lines[0].currency,
    required: sum((l) => l.required),
    available: sum((l) => l.available),
    spent: sum((l) => l.spent),
  };
}
