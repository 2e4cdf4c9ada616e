import { Component, type ReactNode } from 'react';

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
        <p>{this.state.error.message}</p>
        <button onClick={() => location.reload()}>Reload the page</button>
      </section>
    );
  }
}
