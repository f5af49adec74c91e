// npm run bench:library — the law library at the size of issue 6: the whole shared corpus
// (../shared/data/laws) plus 100,000 generated case summaries, imported through the real importer into
// a fresh database on PostgreSQL (DATABASE_URL, else postgres://root@127.0.0.1:5432/test), then a few
// hundred realistic searches against the real server (a child process) over loopback, one at a time.
// Prints the import times and the search latency; target: p99 < 30 ms.
// BENCH_CASES=n changes the number of generated cases; BENCH_KEEP=1 keeps the database afterwards;
// BENCH_REUSE=<database name> measures the searches again on a database a previous run kept.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../apps/server/src/platform/db/database.ts';
import { migrateDatabase } from '../apps/server/src/platform/db/migrate.ts';
import { folderSources, importLibrary, type ImportReport, type ImportSource } from '../apps/server/src/modules/library/index.ts';
import { parseLawMarkdown } from '../apps/server/src/modules/library/library.parse.ts';
import { segmentWords } from '../apps/server/src/modules/library/library.segment.ts';
import { freshExternalDatabase, startServer } from './support/server-process.ts';

const EXTERNAL = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const CORPUS = path.resolve(import.meta.dirname, '../../shared/data/laws');
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const TARGET_P99_MS = 30;

if (!fs.existsSync(path.join(CORPUS, 'SOURCE.md'))) {
  console.log(`The law corpus is not at ${CORPUS}; this benchmark needs it (it is not part of the repository).`);
  process.exit(2);
}

/** A small deterministic PRNG (mulberry32), so every run generates the same cases. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(rand: () => number, list: readonly T[]) => list[Math.floor(rand() * list.length)]!;

const CAUSES = [
  '民间借贷纠纷', '金融借款合同纠纷', '物业服务合同纠纷', '房屋租赁合同纠纷', '买卖合同纠纷', '离婚纠纷', '离婚后财产纠纷', '抚养费纠纷',
  '机动车交通事故责任纠纷', '劳动争议', '追索劳动报酬纠纷', '经济补偿金纠纷', '建设工程施工合同纠纷', '商品房预售合同纠纷', '服务合同纠纷',
  '网络购物合同纠纷', '医疗损害责任纠纷', '名誉权纠纷', '继承纠纷', '保证合同纠纷', '承揽合同纠纷', '运输合同纠纷', '财产损害赔偿纠纷', '生命权、身体权、健康权纠纷',
] as const;
const SURNAMES = '张王李赵刘陈杨黄吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢'.split('');
const DEFENDANTS = ['某公司', '某物业公司', '某银行', '某房地产开发公司', '某保险公司', '某科技有限公司', '某商贸公司', '某医院', '某建筑公司'];

/** Clauses of the corpus's own cases and articles: generated summaries read like the real ones. */
function corpusClauses(): { caseClauses: string[]; lawClauses: string[] } {
  const caseClauses: string[] = [];
  const lawClauses: string[] = [];
  for (const source of folderSources(CORPUS)) {
    const outcome = parseLawMarkdown(fs.readFileSync(path.join(CORPUS, source.path), 'utf8'), source.path);
    if (outcome.status !== 'parsed') continue;
    const into = outcome.document.kind === 'case' ? caseClauses : lawClauses;
    for (const p of outcome.document.passages) {
      for (const clause of p.text.split(/[，。；\n]/)) if (clause.length >= 6 && clause.length <= 60 && !/^第.+条/.test(clause)) into.push(clause);
    }
  }
  return { caseClauses, lawClauses };
}

function generatedCase(i: number, clauses: { caseClauses: string[]; lawClauses: string[] }): string {
  const rand = prng(i + 1);
  const cause = pick(rand, CAUSES);
  const plaintiff = `${pick(rand, SURNAMES)}某${rand() < 0.5 ? '某' : ''}`;
  const title = `${plaintiff}诉${rand() < 0.6 ? pick(rand, DEFENDANTS) : `${pick(rand, SURNAMES)}某`}${cause}案`;
  const sentence = (n: number, law = 0.3) => `${Array.from({ length: n }, () => pick(rand, rand() < law ? clauses.lawClauses : clauses.caseClauses)).join('，')}。`;
  const date = `${2015 + Math.floor(rand() * 10)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  return [
    `# ${title}`,
    '',
    '生成的案例摘要（基准测试数据）',
    '',
    date,
    '',
    '<!-- INFO END -->',
    '',
    '## 基本案情',
    '',
    `${plaintiff}因${cause.replace(/纠纷$/, '')}与对方发生争议。${sentence(3 + Math.floor(rand() * 3))}`,
    '',
    '## 裁判结果',
    '',
    sentence(1 + Math.floor(rand() * 3), 0.6),
    '',
  ].join('\n');
}

/** Realistic searches: topics, causes, questions people ask, article references, filters, and word pairs. */
function queries(vocabulary: string[]): { q: string; kind?: string }[] {
  const topics = [
    '诉讼时效', '民间借贷 利息', '借款合同', '离婚 财产分割', '抚养费', '探望权', '交通事故 赔偿', '交强险', '物业费', '物业服务',
    '劳动合同 解除', '经济补偿', '加班费', '工伤', '试用期', '拖欠工资', '管辖', '起诉 条件', '立案', '诉讼费用 交纳', '诉讼费用 减半',
    '人民调解', '调解协议 司法确认', '在线调解', '在线诉讼', '违约金', '定金', '保证 责任', '抵押权', '质押', '继承', '遗嘱', '法定继承',
    '房屋租赁', '押金', '买卖合同 质量', '商品房', '建设工程 价款', '股东 出资', '破产 债权', '强制执行', '财产保全', '先予执行',
    '医疗损害', '名誉权', '个人信息', '消费者 欺诈', '惩罚性赔偿', '预付卡', '网络购物', '格式条款', '不可抗力', '公序良俗', '善意取得',
    '夫妻共同债务', '家庭暴力', '人身安全保护令', '未成年人', '监护', '精神损害赔偿', '高空抛物', '饲养动物', '产品责任', '环境污染',
  ];
  const questions = [
    '借钱不还怎么起诉', '离婚后孩子抚养费怎么算', '公司拖欠工资怎么办', '交通事故对方全责怎么赔偿', '物业费不交会怎样', '房东不退押金',
    '网购买到假货怎么赔偿', '试用期被辞退有没有补偿', '欠条过了三年还能要吗', '工伤认定需要什么材料', '遗嘱怎么写才有效', '夫妻一方借的钱要不要一起还',
    '邻居漏水损坏房屋', '装修公司延期交付', '银行卡被盗刷', '快递丢失赔偿', '被狗咬伤谁负责', '租房合同提前解约', '起诉需要交多少诉讼费', '调解协议有没有法律效力',
  ];
  const labels = [
    ...Array.from({ length: 30 }, (_, i) => `民法典 第${1 + ((i * 97) % 1260)}条`),
    ...Array.from({ length: 15 }, (_, i) => `民事诉讼法 第${1 + ((i * 37) % 300)}条`),
    '诉讼费用交纳办法 第十三条', '人民调解法 第三十三条', '第一百八十八条',
  ];
  const rand = prng(2026);
  const pairs = Array.from({ length: 80 }, () => `${pick(rand, vocabulary)} ${pick(rand, vocabulary)}`);
  const kinds = ['law', 'interpretation', 'case', 'regulation'];
  return [
    ...topics.map((q) => ({ q })),
    ...CAUSES.map((q) => ({ q })),
    ...questions.map((q) => ({ q })),
    ...labels.map((q) => ({ q })),
    ...topics.slice(0, 40).map((q, i) => ({ q, kind: kinds[i % kinds.length] })),
    ...pairs.map((q) => ({ q })),
  ];
}

/** Frequent two-character words of the corpus, for word-pair queries. */
function vocabularyOf(clauses: string[]): string[] {
  const counts = new Map<string, number>();
  for (const clause of clauses.slice(0, 40_000)) for (const w of segmentWords(clause)) if (w.length >= 2) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(50, 1050).map(([w]) => w);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const line = (label: string, report: ImportReport) =>
  `  ${label.padEnd(34)} ${String(report.files).padStart(7)} files  ${String(report.articles).padStart(7)} articles  ${(report.ms / 1000).toFixed(1).padStart(6)} s  (${Math.round(report.articles / (report.ms / 1000))} articles/s; failed ${report.failed.length}, skipped ${report.skipped.length}, duplicates ${report.duplicates.length})`;

/** Imports the corpus and the generated cases, printing the times and sizes. */
async function importAll(database: ReturnType<typeof openDatabase>, clauses: ReturnType<typeof corpusClauses>) {
  const corpus = await importLibrary(database.db, folderSources(CORPUS), { id: randomUUID, tidy: true });
  console.log('\nImport');
  console.log(line('shared corpus', corpus));
  const sources: ImportSource[] = Array.from({ length: CASES }, (_, i) => ({
    path: `案例/生成/${String(i + 1).padStart(6, '0')}.md`,
    read: async () => Buffer.from(generatedCase(i, clauses)),
  }));
  const generated = await importLibrary(database.db, sources, { id: randomUUID, tidy: true, batchFiles: 500 });
  console.log(line(`${CASES.toLocaleString('en')} generated case summaries`, generated));
  const reimport = await importLibrary(database.db, folderSources(CORPUS), { id: randomUUID });
  console.log(`  re-import of the unchanged corpus     ${(reimport.ms / 1000).toFixed(1)} s (${reimport.unchanged} unchanged, ${reimport.articles} articles written)`);
  const size = await database.pool.query<{ total: string; index: string; articles: string }>(
    `select pg_size_pretty(pg_database_size(current_database())) as total,
            pg_size_pretty(pg_relation_size('library_article_search_text_idx') + pg_relation_size('library_article_search_case_idx')) as index,
            (select count(*) from library_article)::text as articles`,
  );
  const { total, index, articles } = size.rows[0]!;
  console.log(`  database ${total}; ${Number(articles).toLocaleString('en')} searchable articles and sections; GIN indexes ${index}`);
}

const reuse = process.env.BENCH_REUSE;
const external = reuse
  ? { url: Object.assign(new URL(EXTERNAL), { pathname: `/${reuse}` }).toString(), drop: async () => {} }
  : await freshExternalDatabase(EXTERNAL, `oc_bench_library_${process.pid}`);
const database = openDatabase(external.url, 4);
try {
  const version = (await database.pool.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]!.v;
  console.log(`\nLaw library benchmark on PostgreSQL ${version} (${EXTERNAL.replace(/\/\/[^@]*@/, '//')}), ${reuse ? `the database ${reuse} kept by an earlier run` : 'fresh database'}`);
  await migrateDatabase(database.pool);
  const clauses = corpusClauses();
  if (!reuse) await importAll(database, clauses);

  const server = await startServer({ port: 18_095, databaseUrl: external.url, env: { SEED_DEMO: 'false', JOBS_ENABLED: 'false' } });
  try {
    const list = queries(vocabularyOf(clauses.caseClauses.concat(clauses.lawClauses)));
    const url = (q: { q: string; kind?: string }) => `${server.url}/api/v1/library/search?${new URLSearchParams({ ...q, limit: '20' })}`;
    let empty = 0;
    for (const q of list) {
      const res = await fetch(url(q)); // warm-up, and a check that every query is answered
      if (!res.ok) throw new Error(`${q.q}: ${res.status} ${await res.text()}`);
      if (!((await res.json()) as { items: unknown[] }).items.length) empty++;
    }
    const timings: number[] = [];
    const slowest: [number, string][] = [];
    for (let pass = 0; pass < 2; pass++) {
      for (const q of list) {
        const started = performance.now();
        const res = await fetch(url(q));
        await res.arrayBuffer();
        const elapsed = performance.now() - started;
        timings.push(elapsed);
        slowest.push([elapsed, `${q.q}${q.kind ? ` [${q.kind}]` : ''}`]);
      }
    }
    timings.sort((a, b) => a - b);
    slowest.sort((a, b) => b[0] - a[0]);
    const p99 = percentile(timings, 99);
    console.log(`\nSearch: GET /api/v1/library/search?limit=20, ${list.length} queries × 2 passes after a warm-up, one at a time over loopback`);
    console.log(`  p50 ${ms(percentile(timings, 50))}   p95 ${ms(percentile(timings, 95))}   p99 ${ms(p99)}   max ${ms(timings.at(-1)!)}   (${empty} queries found nothing)`);
    console.log(`  slowest: ${slowest.slice(0, 5).map(([t, q]) => `${q} ${ms(t)}`).join('; ')}`);
    console.log(`  target p99 < ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS ? 'met' : 'NOT met'}`);
  } finally {
    await server.stop();
  }
} finally {
  await database.close();
  if (process.env.BENCH_KEEP === '1') console.log(`\n(kept ${external.url})`);
  else await external.drop();
}
