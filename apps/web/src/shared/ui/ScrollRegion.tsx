// A wide table on a narrow screen scrolls sideways inside this region, not the page. The region is
// focusable and named, so keyboard users can scroll it too (WCAG 2.1.1).
import type { ReactNode } from 'react';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      {children}
    </div>
  );
}
