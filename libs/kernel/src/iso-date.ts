const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date written YYYY-MM-DD that exists on the calendar (no 2024-02-30, no month 13). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
