import { strFromU8, unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderDocx, renderPdf } from '../../platform/documents/index.ts';
import { intakeDocument, type IntakeDocumentInput } from './intake.document.ts';

const base: IntakeDocumentInput = {
  document: 'complaint',
  applicants: [{ kind: 'person', name: '张三', idLabel: '居民身份证', idNumber: '11010519491231002X', phone: '13800000001', address: '厦门市翔安区新店街道' }],
  respondents: [
    { kind: 'organisation', name: '厦门某物业管理有限公司', uscc: '91350200MA2XXXXXXX', legalRepresentative: '王五', address: '厦门市翔安区' },
    { kind: 'person', name: '李四', idLabel: '港澳居民来往内地通行证', idNumber: 'H12345678' },
  ],
  cause: '物业服务合同纠纷',
  requests: [{ text: '被告支付物业费2400.00元', amountFen: 240_000 }, { text: '本案诉讼费用由被告承担' }],
  facts: ['原告为该房屋业主。'],
  evidence: [{ title: '物业服务合同', source: '原告提供' }],
  addressee: '厦门市翔安区人民法院',
  madeOn: '2026-11-25',
};

const paragraphs = (input: IntakeDocumentInput) => intakeDocument(input).sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'note' ? [b.text] : [])));

describe('the complaint and the mediation application (民事诉讼法 art. 124)', () => {
  it('states a person’s sex and birth date from a mainland ID, and an organisation’s code and legal representative', () => {
    const lines = paragraphs(base);
    expect(lines[0]).toBe('原告：张三，女，1949年12月31日出生，居民身份证：11010519491231002X，住址：厦门市翔安区新店街道，联系电话：13800000001');
    expect(lines[1]).toBe('被告：厦门某物业管理有限公司，统一社会信用代码：91350200MA2XXXXXXX，住所：厦门市翔安区，法定代表人：王五');
    // No sex or birth date is guessed from documents that do not encode them.
    expect(lines[2]).toBe('被告：李四，港澳居民来往内地通行证：H12345678');
  });

  it('numbers the requests, ends with the addressee, the signer, the date and the copies for the other side', () => {
    const lines = paragraphs(base);
    expect(lines).toEqual(expect.arrayContaining(['1. 被告支付物业费2400.00元', '2. 本案诉讼费用由被告承担', '此致', '厦门市翔安区人民法院', '具状人：张三', '2026年11月25日', '附：本起诉状副本2份']));
    expect(intakeDocument(base).title).toBe('民事起诉状');
  });

  it('calls the sides 申请人 and 被申请人 in a mediation application, without copies or a costs line', () => {
    const doc = intakeDocument({ ...base, document: 'mediation-application', addressee: '翔安区新店街道人民调解委员会' });
    const lines = paragraphs({ ...base, document: 'mediation-application' });
    expect(doc.title).toBe('调解申请书');
    expect(doc.sections[1]!.heading).toBe('请求事项');
    expect(lines[0]!.startsWith('申请人：张三')).toBe(true);
    expect(lines.some((l) => l.startsWith('附：'))).toBe(false);
  });

  it('renders to a PDF and a Word file that hold its text', async () => {
    const model = intakeDocument(base);
    const pdf = await PDFDocument.load(await renderPdf(model));
    expect(pdf.getTitle()).toBe('民事起诉状');
    const xml = strFromU8(unzipSync(await renderDocx(model), { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']!);
    expect(xml).toContain('事实与理由');
    expect(xml).toContain('具状人：张三');
  });
});
