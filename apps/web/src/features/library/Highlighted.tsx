// A highlighted text from the server: plain segments, the hits in <mark>. Only text nodes are made,
// so nothing in a law's text (or a query) can become markup.
import type { THighlighted } from '@opencourt/contracts';
import { Fragment } from 'react';

export function Highlighted({ segments }: { segments: THighlighted }) {
  return (
    <>
      {segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>))}
    </>
  );
}
