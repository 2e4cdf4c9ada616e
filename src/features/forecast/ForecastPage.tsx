import { ComingSoon } from '../../app/ComingSoon';

/** The Forecast page: not built yet, so it says so plainly. */
export function ForecastPage() {
  return <ComingSoon route="forecast" />;
}
