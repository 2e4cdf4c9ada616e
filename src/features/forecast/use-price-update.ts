/**
 * "Update to today" and its opt-in automatic run: the missing finished days from the configured
 * sources, merged and kept; on any failure, nothing changes and the error says why.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { daysBetween } from '../../models/forecast/dates.ts';
import { utcDate } from '../../models/forecast/price-days.ts';
import { autoUpdateDue, autoUpdateOn, noteAutoUpdate, setAutoUpdate } from './auto-update.ts';
import { priceSources } from './forecast-client.ts';
import type { Prices } from './prices.ts';
import { PriceUpdateError, updatePrices, withSource } from './update-prices.ts';

export type UpdateState = { status: 'idle' } | { status: 'updating'; progress: string } | { status: 'done'; message: string };

interface Deps {
  prices: Prices | null;
  /** The prices shown now (a ref: an update must see prices loaded while it fetched). */
  current: () => Prices | null;
  keepAndShow: (next: Prices, notes: string[]) => Promise<void>;
  setError: (message: string | null) => void;
}

export function usePriceUpdate({ prices, current, keepAndShow, setError }: Deps) {
  const sources = useMemo(priceSources, []);
  const [state, setState] = useState<UpdateState>({ status: 'idle' });
  const [auto, setAuto] = useState(autoUpdateOn);
  const updating = useRef(false);
  const autoTried = useRef(false);

  const run = useCallback(async () => {
    const before = current();
    if (!before || updating.current) return;
    updating.current = true;
    setError(null);
    setState({ status: 'updating', progress: 'Asking for the missing days…' });
    try {
      const outcome = await updatePrices({
        sources,
        stored: before.rows,
        now: new Date(),
        online: navigator.onLine,
        pageUrl: location.href,
        onProgress: (progress) => setState({ status: 'updating', progress }),
      });
      if (current() !== before) {
        setState({
          status: 'done',
          message: 'Other prices were loaded meanwhile, so the fetched ones were not used: press Update to today again to update those.',
        });
      } else if (outcome.kind === 'up-to-date') {
        setState({ status: 'done', message: `Already up to date: the newest price is from ${outcome.last}, the last finished day (UTC).` });
      } else {
        const added = outcome.addedDates;
        await keepAndShow({ rows: outcome.rows, source: withSource(before.source, outcome.source) }, outcome.notes);
        const days = added.length === 1 ? `1 day (${added[0]})` : `${added.length} days (${added[0]} … ${added[added.length - 1]})`;
        setState({ status: 'done', message: `Added ${days} from ${outcome.source}.` });
      }
    } catch (err) {
      setError(
        err instanceof PriceUpdateError
          ? err.message
          : 'Could not update the prices: this page ran into a problem of its own. ' +
              'Your prices and the model are unchanged; reload the page and try again.',
      );
      setState({ status: 'idle' });
    } finally {
      updating.current = false;
    }
  }, [sources, current, keepAndShow, setError]);

  // Opted in: once per visit, when the first prices show, bring them up to date, at most once an
  // hour. Ticking the box acts from the next visit on: "Update to today" is there for now.
  useEffect(() => {
    if (!prices || autoTried.current) return;
    autoTried.current = true;
    if (!autoUpdateOn() || sources.length === 0) return;
    const upToDate = daysBetween(prices.rows[prices.rows.length - 1].date, utcDate(new Date())) <= 1;
    if (upToDate || !autoUpdateDue(Date.now())) return;
    noteAutoUpdate(Date.now());
    void run();
  }, [prices, sources, run]);

  const toggleAuto = useCallback((on: boolean) => {
    setAutoUpdate(on);
    setAuto(on);
  }, []);

  /** New prices from a file: the last update's status no longer applies. */
  const clear = useCallback(() => setState({ status: 'idle' }), []);

  return { sources, state, run, auto, toggleAuto, clear };
}

export type PriceUpdate = ReturnType<typeof usePriceUpdate>;
