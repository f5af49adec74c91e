import { markdownProblem } from '@opencourt/contracts';
import { describe, expect, it } from 'vitest';
import { nextStatus } from './news.rules.ts';

describe('article states', () => {
  it.each([
    ['draft', 'publish', 'published'],
    ['published', 'publish', undefined],
    ['withdrawn', 'publish', 'published'],
    ['draft', 'withdraw', undefined],
    ['published', 'withdraw', 'withdrawn'],
    ['withdrawn', 'withdraw', undefined],
  ] as const)('%s + %s → %s', (from, action, to) => expect(nextStatus(from, action)).toBe(to));
});

describe('Markdown bodies accepted (no raw HTML, safe links only)', () => {
  it.each([
    ['# 标题\n\n正文 **加粗** [链接](https://court.example/a)', undefined],
    ['a < b and 3<4 are fine', undefined],
    ['<script>alert(1)</script>', 'HTML'],
    ['<img src=x onerror=alert(1)>', 'HTML'],
    ['text <!-- comment -->', 'HTML'],
    ['</p>', 'HTML'],
    ['[点我](javascript:alert(1))', '链接'],
    ['[点我]( JavaScript:alert(1))', '链接'],
    ['![x](data:text/html;base64,PHNjcmlwdD4=)', '链接'],
    ['bell\u0007', '控制字符'],
  ])('%j', (body, problem) => {
    const found = markdownProblem(body);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });
});
