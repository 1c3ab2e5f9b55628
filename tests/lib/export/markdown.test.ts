import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontMatter, relatedMarkdown, toMarkdown } from '../../../lib/export/markdown';
import type { Extraction } from '../../../lib/extract/types';
import { FIXTURES } from '../../support/paths';

function extraction(over: Partial<Extraction> = {}): Extraction {
  return {
    url: 'https://news.example.com/a/1.html',
    detection: { isArticle: true, relatedCount: 3, lang: 'zh' },
    article: {
      title: '标题: "引号" 与冒号',
      byline: '记者 王五',
      siteName: '示例新闻',
      publishedTime: '2026-01-02T03:04:05Z',
      lang: 'zh',
      dir: 'ltr',
      contentHtml:
        '<h2>小标题</h2><p>第一段，<strong>重点</strong>。</p>' +
        '<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>' +
        '<ul><li>一</li><li>二</li></ul>',
      textLength: 20,
      readingMinutes: 1,
    },
    related: [
      {
        heading: '相关文章',
        items: [
          { title: '同题 [一]', url: 'https://news.example.com/a/2.html', snippet: '摘要', relevance: { grade: 'on', reason: { kind: 'shared' } } },
          { title: '别的话题', url: 'https://news.example.com/b/3.html', relevance: { grade: 'off', reason: { kind: 'different-topic' } } },
          { title: '坏链接', url: 'javascript:alert(1)' },
        ],
      },
    ],
    ...over,
  };
}

describe('frontMatter', () => {
  it('quotes every field as a YAML string and leaves out what the page does not give', () => {
    const fm = frontMatter(extraction());
    expect(fm).toBe(
      '---\ntitle: "标题: \\"引号\\" 与冒号"\nurl: "https://news.example.com/a/1.html"\nbyline: "记者 王五"\n' +
        'site: "示例新闻"\ndate: "2026-01-02T03:04:05Z"\nlang: "zh"\n---\n',
    );
    const bare = frontMatter(extraction({ article: null, page: { title: 'Only a page', description: '' } }));
    expect(bare).not.toContain('byline');
    expect(bare).toContain('title: "Only a page"');
  });
});

describe('relatedMarkdown', () => {
  it('lists each block under its heading, off-topic items under a sub-heading, and no unsafe links', () => {
    const md = relatedMarkdown(extraction().related, { offTopicHeading: '其他话题' });
    expect(md).toBe(
      '## 相关文章\n\n- [同题 \\[一\\]](https://news.example.com/a/2.html) — 摘要\n\n' +
        '### 其他话题\n\n- [别的话题](https://news.example.com/b/3.html)',
    );
    expect(md).not.toContain('javascript');
  });
  it('leaves off-topic items out when asked, and drops a block with nothing left', () => {
    const md = relatedMarkdown(extraction().related, { dropOffTopic: true });
    expect(md).not.toContain('别的话题');
    expect(relatedMarkdown([{ heading: 'Empty', items: [{ title: 'x', url: 'ftp://x/' }] }])).toBe('');
  });
});

describe('toMarkdown', () => {
  it('gives front matter, the title, the body with a GFM table, then the related links', async () => {
    const md = await toMarkdown(extraction());
    expect(md.startsWith('---\ntitle:')).toBe(true);
    expect(md).toContain('# 标题: "引号" 与冒号');
    expect(md).toContain('## 小标题');
    expect(md).toContain('**重点**');
    expect(md).toMatch(/\| A +\| B +\|\n\| -+ \| -+ \|\n\| 1 +\| 2 +\|/);
    expect(md).toMatch(/^- +一$/m);
    expect(md.indexOf('## 相关文章')).toBeGreaterThan(md.indexOf('| 1'));
  });
});

describe('related groups as the reader shows them', () => {
  const blocks = [
    {
      heading: 'Related stories',
      items: [
        { title: 'Near one', url: 'https://n.example/near', relevance: { grade: 'near' as const, reason: { kind: 'same-field' as const } } },
        { title: 'Off one', url: 'https://n.example/off', relevance: { grade: 'off' as const, reason: { kind: 'different-topic' as const } } },
        { title: 'On one', url: 'https://n.example/on', relevance: { grade: 'on' as const, reason: { kind: 'shared' as const } } },
      ],
    },
    { heading: '', items: [{ title: 'Ungraded', url: 'https://n.example/u' }] },
  ];
  it('lists on-topic items first, then near ones, then the off-topic ones under their own sub-heading', () => {
    const md = relatedMarkdown(blocks, { offTopicHeading: 'Other topics', untitledHeading: 'More' });
    expect(md).toBe(
      '## Related stories\n\n- [On one](https://n.example/on)\n- [Near one](https://n.example/near)\n\n' +
        '### Other topics\n\n- [Off one](https://n.example/off)\n\n' +
        '## More\n\n- [Ungraded](https://n.example/u)',
    );
  });
  it('keeps the page order, none set apart, under the page-order setting', () => {
    const md = relatedMarkdown(blocks, { pageOrder: true });
    expect(md).not.toContain('###');
    expect(md.indexOf('Near one')).toBeLessThan(md.indexOf('Off one'));
    expect(md.indexOf('Off one')).toBeLessThan(md.indexOf('On one'));
  });
});

describe('toMarkdown of the seed page', () => {
  it('has front matter, the title, the article and the 相关文章 links grouped by grade', async () => {
    const { loadPage } = await import('../../support/load-page');
    const { extract } = await import('../../../lib/extract/index');
    const { gradeRelated } = await import('../../../lib/extract/related/relevance');
    const { relevanceArticleOf } = await import('../../../lib/reader/grade-related');
    const page = loadPage(join(FIXTURES, 'seed-dedecms'));
    try {
      const x = extract(page.document, page.url);
      const graded = { ...x, related: gradeRelated(relevanceArticleOf(x, new page.window.DOMParser() as unknown as DOMParser), x.related) };
      const md = await toMarkdown(graded, { offTopicHeading: '其他话题' });
      expect(md).toMatch(/^---\ntitle: ".+"\nurl: "http[^"]+"\n(.+\n)*lang: "zh"\n---\n\n# /);
      expect(md).toContain('## 相关文章');
      const links = md.slice(md.indexOf('## 相关文章')).match(/^- \[.+\]\(https?:\/\/[^)]+\)/gm) ?? [];
      expect(links).toHaveLength(29);
      // The seed page's list is on other topics: under the sub-heading, after the near ones.
      expect(md).toContain('### 其他话题');
    } finally {
      await page.close();
    }
  });
});
