import type { ComponentType } from 'react';
import { ROUTES, useRoute } from './routes';
import { InferenceProvider } from './inference';
import { BackendBadge } from './BackendBadge';
import { ErrorBoundary } from './ErrorBoundary';
import type { RouteId } from './routes';
import { AboutPage } from './AboutPage';
import { DigitsPage } from '../features/digits/DigitsPage';
import { ImagesPage } from '../features/images/ImagesPage';
import { TextPage } from '../features/text/TextPage';
import { ForecastPage } from '../features/forecast/ForecastPage';

const PAGES: Record<RouteId, ComponentType> = {
  digits: DigitsPage,
  images: ImagesPage,
  text: TextPage,
  forecast: ForecastPage,
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
          <Page />
        </ErrorBoundary>
      </main>
      <footer className="shell-footer">
        Everything runs on your device with TensorFlow.js. Nothing you draw, drop or type leaves this tab.{' '}
        <a href="#/about" data-testid="nav-about">How it works</a>
      </footer>
    </InferenceProvider>
  );
}
