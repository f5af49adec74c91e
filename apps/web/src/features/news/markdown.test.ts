import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref } from './markdown.ts';

describe('article Markdown', () => {
  it('reads headings (from h2), paragraphs, lists, quotes, code and rules', () => {
    expect(parseMarkdown('# 标题\n\n第一段\n续行\n\n- 甲\n- 乙\n\n1. 一\n2. 二\n\n> 引用\n\n---\n\n```\ncode <b>\n```').map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'list',
      'list',
      'quote',
      'rule',
      'code',
    ]);
    expect(parseMarkdown('# 标题')[0]).toEqual({ kind: 'heading', level: 2, children: [{ kind: 'text', text: '标题' }] });
    expect(parseMarkdown('## 小节\n### 细目\n##### 更细').map((b) => (b.kind === 'heading' ? b.level : 0))).toEqual([2, 3, 4]);
  });

  it('reads bold, italics, code and links', () => {
    expect(parseInline('借条 **必须** 写明 *金额*，见 `第六百六十八条` 与 [法规库](https://flk.npc.gov.cn/)')).toEqual([
      { kind: 'text', text: '借条 ' },
      { kind: 'strong', children: [{ kind: 'text', text: '必须' }] },
      { kind: 'text', text: ' 写明 ' },
      { kind: 'em', children: [{ kind: 'text', text: '金额' }] },
      { kind: 'text', text: '，见 ' },
      { kind: 'code', text: '第六百六十八条' },
      { kind: 'text', text: ' 与 ' },
      { kind: 'link', href: 'https://flk.npc.gov.cn/', children: [{ kind: 'text', text: '法规库' }] },
    ]);
  });

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example', '/relative'])('drops the link target %s, keeping its text', (href) => {
    expect(safeHref(href)).toBeUndefined();
    const nodes = parseInline(`[点我](${href})`);
    expect(nodes.some((n) => n.kind === 'link')).toBe(false);
    expect(nodes[0]).toEqual({ kind: 'text', text: '点我' });
  });

  it('keeps markup-looking text as text', () => {
    expect(parseMarkdown('<script>alert(1)</script>')).toEqual([{ kind: 'paragraph', children: [{ kind: 'text', text: '<script>alert(1)</script>' }] }]);
  });
});
