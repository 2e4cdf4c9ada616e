import { ComingSoon } from '../../app/ComingSoon';

/** The Images page: not built yet, so it says so plainly. */
export function ImagesPage() {
  return <ComingSoon route="images" />;
}
