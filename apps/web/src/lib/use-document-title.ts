import { useEffect } from 'react';

/** `Page · Dengar`, so tabs, history and screen readers name the page. */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} · Dengar` : 'Dengar';
  }, [title]);
}
