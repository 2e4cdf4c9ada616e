import { type ComponentType, lazy, Suspense } from 'react';
import { DigitsPage } from '../features/digits/DigitsPage.tsx';
import { AboutPage } from './AboutPage.tsx';
import { BackendBadge } from './BackendBadge.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { InferenceProvider } from './inference.tsx';
import type { RouteId } from './routes.ts';
import { ROUTES, useRoute } from './routes.ts';

// The landing page (Digits) and About come with the shell; the other pages, with their CSV parser,
// IndexedDB wrapper and charts, load when first opened. The service worker precaches every chunk,
// so this costs nothing offline.
const PAGES: Record<RouteId, ComponentType> = {
  digits: DigitsPage,
  images: lazy(() => import('../features/images/ImagesPage.tsx').then((m) => ({ default: m.ImagesPage }))),
  text: lazy(() => import('../features/text/TextPage.tsx').then((m) => ({ default: m.TextPage }))),
  forecast: lazy(() => import('../features/forecast/ForecastPage.tsx').then((m) => ({ default: m.ForecastPage }))),
  about: AboutPage,
};

export function App() {
  const route = useRoute();
  const Page = PAGES[route];
  return (
    <InferenceProvider>
      <header className="shell-header">
        <a className="brand" href="#/digits">
          <img src="./icon.svg" alt="" width={28} height={28} />
          tabml
        </a>
        <nav aria-label="Models">
          {ROUTES.map((r) => (
            <a key={r.id} href={`#/${r.id}`} data-testid={`nav-${r.id}`} aria-current={route === r.id ? 'page' : undefined}>
              {r.title}
            </a>
          ))}
        </nav>
        <BackendBadge />
      </header>
      <main>
        <ErrorBoundary key={route}>
          <Suspense fallback={<p className="muted">Loading the page…</p>}>
            <Page />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="shell-footer">
        Everything runs on your device with TensorFlow.js. Nothing you draw, drop or type leaves this tab.{' '}
        <a href="#/about" data-testid="nav-about">
          How it works
        </a>
      </footer>
    </InferenceProvider>
  );
}
