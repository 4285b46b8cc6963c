import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, Suspense, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n/i18n-provider';
import { errorMessage } from '../lib/error-message';
import { Loading } from './loading';

interface ErrorBoundaryProps {
  children: ReactNode;
  fallback: (props: { error: unknown; reset: () => void }) => ReactNode;
  onReset?: () => void;
  /** A failed boundary starts over when this changes (e.g. the route), so navigating away clears the error. */
  resetKey?: string;
}

interface ErrorBoundaryState {
  failed: boolean;
  error: unknown;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false, error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { failed: true, error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A pane failed to render', error, info.componentStack);
  }

  override componentDidUpdate(previous: ErrorBoundaryProps): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.reset();
  }

  reset = (): void => {
    this.props.onReset?.();
    this.setState({ failed: false, error: null });
  };

  override render(): ReactNode {
    if (this.state.failed) return this.props.fallback({ error: this.state.error, reset: this.reset });
    return this.props.children;
  }
}

export function PaneError({ error, onRetry, title }: { error: unknown; onRetry: () => void; title?: string }) {
  const t = useT();
  return (
    <div className="pane-error" role="alert">
      <p className="pane-error__title">{title ?? t('errors.paneTitle')}</p>
      <p className="pane-error__message">{errorMessage(error, t)}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}

/**
 * A region of the page that fails and loads on its own: an error keeps the rest of the page usable, and
 * "Try again" refetches the queries that failed.
 */
export function Pane({
  children,
  loadingLabel,
  resetKey,
}: {
  children: ReactNode;
  loadingLabel?: string;
  resetKey?: string;
}) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          onReset={reset}
          resetKey={resetKey}
          fallback={({ error, reset: retry }) => <PaneError error={error} onRetry={retry} />}
        >
          <Suspense fallback={<Loading label={loadingLabel} />}>{children}</Suspense>
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}
