/** How the forecast page writes prices, dates and scores. */
const usd = new Map<number, Intl.NumberFormat>();

export function formatUsd(value: number, digits = 2): string {
  let format = usd.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    usd.set(digits, format);
  }
  return format.format(value);
}

const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/** 'Mon 22 Apr' for '2024-04-22' (read as a calendar date, in no time zone). */
export function formatDay(date: string): string {
  return weekday.format(new Date(`${date}T00:00:00Z`));
}

export function formatRange(range: { from: string; to: string; weeks: number }): string {
  return `${range.from} … ${range.to} (${range.weeks} ${range.weeks === 1 ? 'week' : 'weeks'})`;
}
