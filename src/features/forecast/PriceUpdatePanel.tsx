/** "Update to today", how old the newest price is, the opt-in to keep prices up to date, and the update's status. */
import { daysBetween } from '../../models/forecast/dates.ts';
import { utcDate } from '../../models/forecast/price-days.ts';
import { priceSourceLabel } from '../../models/forecast/price-sources.ts';
import type { Prices } from './prices.ts';
import type { PriceUpdate } from './use-price-update.ts';

/** The page says how old the newest price is beyond this many days. */
const STALE_AFTER_DAYS = 2;

export function PriceUpdatePanel({ update, prices }: { update: PriceUpdate; prices: Prices | null }) {
  const { sources, state } = update;
  if (sources.length === 0) return null;
  return (
    <>
      <div className="forecast-inputs">
        <button
          type="button"
          data-testid="forecast-update"
          onClick={() => void update.run()}
          disabled={!prices || state.status === 'updating'}
        >
          {state.status === 'updating' ? 'Updating…' : 'Update to today'}
        </button>
        {prices && <PriceAge last={prices.rows[prices.rows.length - 1].date} />}
        <label className="small">
          <input
            type="checkbox"
            data-testid="forecast-auto-update"
            checked={update.auto}
            onChange={(e) => update.toggleAuto(e.target.checked)}
          />{' '}
          Keep prices up to date on this device
        </label>
      </div>
      <p className="muted small">
        Updating asks {sources.map((s) => priceSourceLabel(s, location.href)).join(', then ')} for public Bitcoin prices (daily closes) and
        sends nothing about you or your data.
      </p>
      {state.status !== 'idle' && (
        <p className="muted small" role="status" data-testid="forecast-update-status">
          {state.status === 'updating' ? state.progress : state.message}
        </p>
      )}
    </>
  );
}

/** "The newest price is 955 days old", when it is more than two days old (UTC days, as the exchanges count). */
function PriceAge({ last }: { last: string }) {
  const age = daysBetween(last, utcDate(new Date()));
  if (age <= STALE_AFTER_DAYS) return null;
  return (
    <span className="muted small" data-testid="forecast-price-age">
      The newest price is {age} days old ({last}).
    </span>
  );
}
