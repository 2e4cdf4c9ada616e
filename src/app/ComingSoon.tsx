import { ROUTES, type RouteId } from './routes';

/** A page whose model has not landed yet: says so plainly, shows nothing fake. */
export function ComingSoon({ route }: { route: RouteId }) {
  const info = ROUTES.find((r) => r.id === route)!;
  return (
    <section className="panel coming">
      <h1>{info.title}</h1>
      <p>{info.blurb}</p>
      <p className="muted">This page is coming: its model is being trained and is not part of this build yet.</p>
    </section>
  );
}
