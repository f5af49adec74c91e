import { useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Phones get the top bar and drawer instead of the side menu. */
export const PHONE_QUERY = '(max-width: 576px)';
export const useIsPhone = () => useMediaQuery(PHONE_QUERY);
