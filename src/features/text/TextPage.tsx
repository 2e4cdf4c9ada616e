import { ComingSoon } from '../../app/ComingSoon';

/** The Text page: not built yet, so it says so plainly. */
export function TextPage() {
  return <ComingSoon route="text" />;
}
