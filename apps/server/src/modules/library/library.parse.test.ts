// The Markdown parser over the shapes the real corpus has (each input is a shortened real document),
// and over malformed files, which must come back with a reason rather than a guess.
import { describe, expect, it } from 'vitest';
import { issuingBodyOf, normaliseHeading, parseLawMarkdown, type ParsedDocument } from './library.parse.ts';

const md = (...lines: string[]) => lines.join('\n');

// 民法典/总则.md: title, subtitle (a part of a split law), history, chapters and sections, 款 paragraphs.
const CIVIL_CODE = md(
  '# 中华人民共和国民法典',
  '',
  '# 总则',
  '',
  '2020年5月28日 第十三届全国人民代表大会第三次会议通过',
  '',
  '2021年1月1日 施行',
  '',
  '<!-- INFO END -->',
  '',
  '## 第九章  诉讼时效',
  '',
  '第一百八十八条 向人民法院请求保护民事权利的诉讼时效期间为三年。法律另有规定的，依照其规定。',
  '',
  '诉讼时效期间自权利人知道或者应当知道权利受到损害以及义务人之日起计算。',
  '',
  '第一百八十九条 当事人约定同一债务分期履行的，诉讼时效期间自最后一期履行期限届满之日起计算。',
  '',
  '## 第十章 期间计算',
  '',
  '第二百条 民法所称的期间按照公历年、月、日、小时计算。',
);

// 民事诉讼法(2023-09-01).md: amendments only (no 施行 line), spaced-out headings, zero-width lines, 编/章/节.
const CIVIL_PROCEDURE = md(
  '# 中华人民共和国民事诉讼法',
  '',
  '1991年4月9日 第七届全国人民代表大会第四次会议通过',
  '',
  '2021年12月24日 第十三届全国人民代表大会常务委员会第三十二次会议《关于修改〈中华人民共和国民事诉讼法〉的决定》第四次修正\u3000',
  '',
  '2023年9月1日 第十四届全国人民代表大会常务委员会第五次会议《关于修改〈中华人民共和国民事诉讼法〉的决定》第五次修正）',
  '',
  '<!-- INFO END -->',
  '',
  '## 第一编 总 则',
  '',
  '\u200b',
  '',
  '### 第二章 管 辖',
  '',
  '#### 第一节 级别管辖',
  '',
  '第十八条 基层人民法院管辖第一审民事案件，但本法另有规定的除外。',
  '',
  '## 第二编 审判程序',
  '',
  '### 第十二章 第一审普通程序',
  '',
  '#### 第一节 起诉和受理',
  '',
  '第一百二十二条\u3000起诉必须符合下列条件：',
  '',
  '（一）原告是与本案有直接利害关系的公民、法人和其他组织；',
);

// 人民法院在线调解规则(2021-12-30).md: an SPC rule with a preamble paragraph before 第一条.
const SPC_RULE = md(
  '# 人民法院在线调解规则',
  '',
  '2021年12月27日 最高人民法院审判委员会第1859次会议通过',
  '',
  '2022年1月1日 施行',
  '',
  '<!-- INFO END -->',
  '',
  '为方便当事人及时解决纠纷，规范依托人民法院调解平台开展的在线调解活动，制定本规则。',
  '',
  '第一条 在立案前或者诉讼过程中依托人民法院调解平台开展在线调解的，适用本规则。',
);

// 最高人民法院关于审理名誉权案件若干问题的解答(1993-08-07).md: numbered items instead of articles.
const ANSWERS = md(
  '# 最高人民法院关于审理名誉权案件若干问题的解答',
  '',
  '1993年6月15日 最高人民法院审判委员会第579次会议讨论通过',
  '',
  '1993年8月7日 最高人民法院以法发〔1993〕15号通知印发）',
  '',
  '<!-- INFO END -->',
  '',
  '各地人民法院在审理名誉权案件中，提出一些如何适用法律的问题，现解答如下：',
  '',
  '一、问：人民法院对当事人关于名誉权纠纷的起诉应如何进行审查？',
  '',
  '答：人民法院收到有关名誉权纠纷的起诉时，应按照民事诉讼法的规定进行审查。',
  '',
  '二、问：名誉权案件如何确定管辖？',
);

// 案例/民法典/常某某诉许某网络服务合同案.md: a case whose first heading (with nothing under it) names it.
const CASE = md(
  '# 公序良俗原则在“暗刷流量”合同效力认定中的适用',
  '',
  '<!-- INFO END -->',
  '',
  '## 常某某诉许某网络服务合同案',
  '',
  '## 基本案情',
  '',
  '原被告双方就暗刷流量需求达成一致并签订服务合同。',
  '',
  '## 裁判要旨',
  '',
  '“暗刷流量”行为属于欺诈性点击。',
  '',
  '双方订立合同进行“暗刷流量”交易，应属无效。',
);

// 案例/消费购物/*.md: a case with notes (series, publisher) and an ISO date before the marker.
const CONSUMER_CASE = md(
  '# 预付卡未使用金额经营者应向消费者返还',
  '',
  '消费者权益保护典型案例',
  '',
  '最高人民法院发布',
  '',
  '2022-03-15',
  '',
  '<!-- INFO END -->',
  '',
  '## 基本案情',
  '',
  '张某等众多家长为自己1至3岁的婴幼儿到某销售公司所经营的游泳馆进行办卡消费。',
);

// 宪法.md: a preamble under a heading, amendments named in quotes.
const CONSTITUTION = md(
  '# 中华人民共和国宪法',
  '',
  '1982年12月4日 第五届全国人民代表大会第五次会议通过',
  '',
  '1982年12月4日 全国人民代表大会公告公布施行',
  '',
  '2018年3月11日 第十三届全国人民代表大会第一次会议通过的《中华人民共和国宪法修正案》',
  '',
  '<!-- INFO END -->',
  '',
  '## 序言',
  '',
  '中国是世界上历史最悠久的国家之一。',
  '',
  '## 第一章 总纲',
  '',
  '第一条 中华人民共和国是工人阶级领导的、以工农联盟为基础的人民民主专政的社会主义国家。',
);

// 刑法.md: 第…条之一 articles.
const CRIMINAL_LAW = md(
  '# 中华人民共和国刑法',
  '',
  '1979年7月1日 第五届全国人民代表大会第二次会议通过',
  '',
  '<!-- INFO END -->',
  '',
  '第一百二十条 组织、领导恐怖活动组织的，处十年以上有期徒刑或者无期徒刑。',
  '',
  '第一百二十条之一 资助恐怖活动组织的，处五年以下有期徒刑。',
);

// 行政法规/诉讼费用交纳办法(2006-12-19).md and a regulation without any history line.
const FEE_DECREE = md(
  '# 诉讼费用交纳办法',
  '',
  '2006年12月8日 国务院第159次常务会议通过',
  '',
  '2006年12月19日 中华人民共和国国务院令第481号公布',
  '',
  '2007年4月1日 施行',
  '',
  '<!-- INFO END -->',
  '',
  '## 第一章 总则',
  '',
  '第一条 根据《中华人民共和国民事诉讼法》和《中华人民共和国行政诉讼法》的有关规定，制定本办法。',
);

type Expectation = {
  name: string;
  source: string;
  path: string;
  document: Partial<ParsedDocument>;
  passages: { type: string; label: string | null; headings?: string[]; text?: string }[];
};

const CASES: Expectation[] = [
  {
    name: 'a split law: title, subtitle, chapters, 款',
    source: CIVIL_CODE,
    path: '民法典/总则.md',
    document: { kind: 'law', title: '中华人民共和国民法典', subtitle: '总则', issuingBody: '全国人民代表大会', promulgatedOn: '2020-05-28', effectiveOn: '2021-01-01', inForceFrom: '2021-01-01', status: null },
    passages: [
      {
        type: 'article',
        label: '第一百八十八条',
        headings: ['第九章 诉讼时效'],
        text: '向人民法院请求保护民事权利的诉讼时效期间为三年。法律另有规定的，依照其规定。\n诉讼时效期间自权利人知道或者应当知道权利受到损害以及义务人之日起计算。',
      },
      { type: 'article', label: '第一百八十九条', headings: ['第九章 诉讼时效'] },
      { type: 'article', label: '第二百条', headings: ['第十章 期间计算'] },
    ],
  },
  {
    name: 'an amended law with 编/章/节 and spaced headings',
    source: CIVIL_PROCEDURE,
    path: '诉讼与非诉讼程序法/民事诉讼法(2023-09-01).md',
    document: { kind: 'law', issuingBody: '全国人民代表大会', promulgatedOn: '1991-04-09', effectiveOn: null, amendedOn: '2023-09-01', inForceFrom: '2023-09-01' },
    passages: [
      { type: 'article', label: '第十八条', headings: ['第一编 总则', '第二章 管辖', '第一节 级别管辖'] },
      {
        type: 'article',
        label: '第一百二十二条',
        headings: ['第二编 审判程序', '第十二章 第一审普通程序', '第一节 起诉和受理'],
        text: '起诉必须符合下列条件：\n（一）原告是与本案有直接利害关系的公民、法人和其他组织；',
      },
    ],
  },
  {
    name: 'an interpretation with a preamble',
    source: SPC_RULE,
    path: '司法解释/人民法院在线调解规则(2021-12-30).md',
    document: { kind: 'interpretation', issuingBody: '最高人民法院', effectiveOn: '2022-01-01' },
    passages: [
      { type: 'paragraph', label: null, headings: [] },
      { type: 'article', label: '第一条' },
    ],
  },
  {
    name: 'numbered items instead of articles',
    source: ANSWERS,
    path: '司法解释/最高人民法院关于审理名誉权案件若干问题的解答(1993-08-07).md',
    document: { kind: 'interpretation', issuingBody: '最高人民法院', promulgatedOn: '1993-08-07', inForceFrom: '1993-08-07' },
    passages: [
      { type: 'paragraph', label: null },
      { type: 'item', label: '一', text: '问：人民法院对当事人关于名誉权纠纷的起诉应如何进行审查？\n答：人民法院收到有关名誉权纠纷的起诉时，应按照民事诉讼法的规定进行审查。' },
      { type: 'item', label: '二' },
    ],
  },
  {
    name: 'a case named by its first heading',
    source: CASE,
    path: '案例/民法典/常某某诉许某网络服务合同案.md',
    document: { kind: 'case', subtitle: '常某某诉许某网络服务合同案', inForceFrom: null },
    passages: [
      { type: 'section', label: '基本案情' },
      { type: 'section', label: '裁判要旨', text: '“暗刷流量”行为属于欺诈性点击。\n双方订立合同进行“暗刷流量”交易，应属无效。' },
    ],
  },
  {
    name: 'a case with notes and an ISO date, recognised as a case without its folder',
    source: CONSUMER_CASE,
    path: 'somewhere/预付卡.md',
    document: { kind: 'case', issuingBody: '最高人民法院', notes: ['消费者权益保护典型案例', '最高人民法院发布'], promulgatedOn: '2022-03-15' },
    passages: [{ type: 'section', label: '基本案情' }],
  },
  {
    name: 'a preamble under a heading; amendments named in quotes',
    source: CONSTITUTION,
    path: '宪法/宪法.md',
    document: { kind: 'law', issuingBody: '全国人民代表大会', amendedOn: '2018-03-11', inForceFrom: '2018-03-11', status: null },
    passages: [
      { type: 'paragraph', label: null, headings: ['序言'] },
      { type: 'article', label: '第一条', headings: ['第一章 总纲'] },
    ],
  },
  {
    name: '第…条之一',
    source: CRIMINAL_LAW,
    path: '刑法/刑法.md',
    document: { kind: 'law' },
    passages: [
      { type: 'article', label: '第一百二十条' },
      { type: 'article', label: '第一百二十条之一' },
    ],
  },
  {
    name: 'a State Council regulation, outside its folder',
    source: FEE_DECREE,
    path: '诉讼费用交纳办法.md',
    document: { kind: 'regulation', issuingBody: '国务院', promulgatedOn: '2006-12-19', effectiveOn: '2007-04-01' },
    passages: [{ type: 'article', label: '第一条', headings: ['第一章 总则'] }],
  },
];

describe('parseLawMarkdown: real document shapes', () => {
  it.each(CASES)('$name', ({ source, path, document, passages }) => {
    const outcome = parseLawMarkdown(source, path);
    if (outcome.status !== 'parsed') throw new Error(`expected a document, got ${outcome.status}: ${outcome.reason}`);
    expect(outcome.document).toMatchObject(document);
    expect(outcome.document.passages).toHaveLength(passages.length);
    passages.forEach((expected, i) => expect(outcome.document.passages[i], `passage ${i}`).toMatchObject(expected));
  });

  it('numbers articles and items', () => {
    const outcome = parseLawMarkdown(CRIMINAL_LAW, '刑法/刑法.md');
    expect(outcome.status === 'parsed' && outcome.document.passages.map((p) => p.number)).toEqual([120, 120]);
  });

  it('reads the version date from the file name when the text has none', () => {
    const outcome = parseLawMarkdown(md('# 保障农民工工资支付条例', '<!-- INFO END -->', '第一条 为了规范农民工工资支付行为，制定本条例。'), '行政法规/保障农民工工资支付条例(2019-12-30).md');
    expect(outcome).toMatchObject({ status: 'parsed', document: { kind: 'regulation', inForceFrom: '2019-12-30', issuingBody: '国务院' } });
  });

  it('knows a repealed document by its history', () => {
    const outcome = parseLawMarkdown(md('# 某暂行条例', '1990年1月1日 国务院发布', '2008年1月15日 废止', '<!-- INFO END -->', '第一条 正文。'), '行政法规/某暂行条例.md');
    expect(outcome).toMatchObject({ status: 'parsed', document: { status: 'repealed' } });
    // …but not one amended by a decision whose title mentions repeal.
    const amended = parseLawMarkdown(
      md('# 某条例', '1990年1月1日 国务院发布', '2011年1月8日 《国务院关于废止和修改部分行政法规的决定》第一次修订', '<!-- INFO END -->', '第一条 正文。'),
      '行政法规/某条例.md',
    );
    expect(amended).toMatchObject({ status: 'parsed', document: { status: null, amendedOn: '2011-01-08' } });
  });
});

describe('parseLawMarkdown: what is not a document', () => {
  it.each([
    ['a section index (front matter only)', 'skipped', '目录页', '---\nbookCollapseSection: true\n---\n'],
    ['the hidden template', 'skipped', '隐藏页', '---\nbookHidden: true\n---\n\n# 某条法律的标题\n\n<!-- INFO END -->\n\n第一条 xxxxx'],
    ['no INFO END marker', 'failed', 'INFO END', '# 某法\n\n2020年1月1日 施行\n\n第一条 正文。'],
    ['the marker quoted inside a sentence (a README)', 'failed', 'INFO END', '# Laws\n\nFormat: title, dates, `<!-- INFO END -->`, then articles.\n'],
    ['no title', 'failed', '缺少标题', '2020年1月1日 施行\n<!-- INFO END -->\n第一条 正文。'],
    ['three titles', 'failed', '一级标题', '# 一\n# 二\n# 三\n<!-- INFO END -->\n第一条 正文。'],
    ['a heading in the header', 'failed', '一级标题', '# 某法\n## 第一章\n<!-- INFO END -->\n第一条 正文。'],
    ['an impossible date', 'failed', '日期无效', '# 某法\n2019年2月30日 施行\n<!-- INFO END -->\n第一条 正文。'],
    ['an empty body', 'failed', '正文为空', '# 某法\n2019年2月1日 施行\n<!-- INFO END -->\n\n<!-- 备注 -->\n'],
    ['only headings in the body', 'failed', '正文为空', '# 某法\n<!-- INFO END -->\n## 第一章\n### 第一节\n'],
    ['binary content', 'failed', 'NUL', '# 某法\n<!-- INFO END -->\n\u0000\u0001'],
    ['an absurdly long title', 'failed', '标题过长', `# ${'法'.repeat(400)}\n<!-- INFO END -->\n第一条 正文。`],
  ])('%s → %s', (_name, status, reason, source) => {
    const outcome = parseLawMarkdown(source, 'x/y.md');
    expect(outcome.status).toBe(status);
    expect(outcome.status !== 'parsed' && outcome.reason).toContain(reason);
  });
});

describe('parts of the parser', () => {
  it.each([
    ['第一编 总 则', '第一编 总则'],
    ['第二章 管 辖', '第二章 管辖'],
    ['第一章  基本规定', '第一章 基本规定'],
    ['第三分编 准 合 同', '第三分编 准合同'],
    ['序 言', '序言'],
  ])('heading %j → %j', (raw, heading) => expect(normaliseHeading(raw)).toBe(heading));

  it.each([
    ['第十三届全国人民代表大会第三次会议通过', '全国人民代表大会'],
    ['第十三届全国人民代表大会常务委员会第二十四次会议通过', '全国人民代表大会常务委员会'],
    ['国务院第159次常务会议通过', '国务院'],
    ['中华人民共和国国务院令第481号公布', '国务院'],
    ['最高人民法院审判委员会第1859次会议通过', '最高人民法院'],
    ['最高人民检察院第十二届检察委员会第十次会议通过', '最高人民检察院'],
    ['国家市场监督管理总局令第47号公布', '国家市场监督管理总局'],
    ['最高人民法院以法发〔1993〕15号通知印发', '最高人民法院'],
    ['施行', null],
    ['《国务院关于废止和修改部分行政法规的决定》第一次修订', null],
  ])('issuer of %j is %j', (event, body) => expect(issuingBodyOf(event)).toBe(body));
});
