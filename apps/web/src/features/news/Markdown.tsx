// Renders an article's Markdown tree as React elements: text is always text, never HTML.
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './markdown.ts';

function inline(nodes: Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.kind) {
      case 'text':
        return n.text;
      case 'strong':
        return <strong key={i}>{inline(n.children)}</strong>;
      case 'em':
        return <em key={i}>{inline(n.children)}</em>;
      case 'code':
        return <code key={i}>{n.text}</code>;
      case 'link':
        return <a key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow">{inline(n.children)}</a>;
    }
  });
}

function block(b: Block, i: number): ReactNode {
  switch (b.kind) {
    case 'heading':
      return <Typography.Title key={i} level={b.level} style={{ fontSize: b.level === 2 ? 18 : 16 }}>{inline(b.children)}</Typography.Title>;
    case 'paragraph':
      return <Typography.Paragraph key={i}>{inline(b.children)}</Typography.Paragraph>;
    case 'list': {
      const items = b.items.map((item, j) => <li key={j}>{inline(item)}</li>);
      return b.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
    }
    case 'quote':
      return <blockquote key={i} style={{ borderLeft: '4px solid #d9d9d9', margin: '0 0 1em', paddingLeft: 12, color: '#4d4d4d' }}>{inline(b.children)}</blockquote>;
    case 'code':
      return <pre key={i} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', background: '#f5f5f5', padding: 12 }}><code>{b.text}</code></pre>;
    case 'rule':
      return <hr key={i} />;
  }
}

export function Markdown({ source }: { source: string }) {
  return <div className="oc-markdown" style={{ overflowWrap: 'anywhere' }}>{parseMarkdown(source).map(block)}</div>;
}
