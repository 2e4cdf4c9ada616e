import { Component, type ReactNode } from 'react';
import { plainMessage } from './plain-message.ts';

/** A page's code is downloaded when first opened; that download can fail (offline before the first visit). */
function describe(error: Error): string {
  if (/dynamically imported module|Importing a module script failed|error loading dynamically imported/i.test(error.message)) {
    return 'This page could not be downloaded. Check your connection, then reload.';
  }
  return plainMessage(error, 'Reload the page to start it again.');
}

/** Keeps one page's crash from blanking the whole app, and says what to do. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <section className="panel error" role="alert">
        <h1>Something went wrong on this page</h1>
        <p>{describe(this.state.error)}</p>
        <button type="button" onClick={() => location.reload()}>
          Reload the page
        </button>
      </section>
    );
  }
}
