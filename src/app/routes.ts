/** Hash routes (#/digits …), so the app works from any static host without rewrite rules. */
import { useEffect, useState } from 'react';

/** The four model pages, in the navigation's order. */
export const ROUTES = [
  { id: 'digits', title: 'Digits', blurb: 'Draw a digit; a CNN reads it.' },
  { id: 'images', title: 'Images', blurb: 'Cat or coffee? A VGG-style CNN decides.' },
  { id: 'text', title: 'Text', blurb: 'An LSTM writes patent abstracts.' },
  { id: 'forecast', title: 'Forecast', blurb: "Bitcoin's next 7 days, retrained on your device." },
] as const;

/** A model page, or #/about (how it works; loads no model). */
export type RouteId = (typeof ROUTES)[number]['id'] | 'about';

export function routeFromHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  if (id === 'about') return 'about';
  return ROUTES.find((r) => r.id === id)?.id ?? 'digits';
}

export function useRoute(): RouteId {
  const [route, setRoute] = useState(() => routeFromHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(routeFromHash(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
