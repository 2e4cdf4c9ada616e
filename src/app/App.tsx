import { ROUTES, useRoute } from './routes';
import { InferenceProvider } from './inference';
import { BackendBadge } from './BackendBadge';
import { ErrorBoundary } from './ErrorBoundary';
import { ComingSoon } from './ComingSoon';
import { DigitsPage } from '../features/digits/DigitsPage';

export function App() {
  const route = useRoute();
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
          {route === 'digits' ? <DigitsPage /> : <ComingSoon route={route} />}
        </ErrorBoundary>
      </main>
      <footer className="shell-footer">
        Everything runs on your device with TensorFlow.js. Nothing you draw, drop or type leaves this tab.
      </footer>
    </InferenceProvider>
  );
}
