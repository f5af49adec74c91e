// 《民事案件案由规定》 as amended on 14 December 2020 (法〔2020〕346号, published with 法〔2020〕347号), in force
// since 1 January 2021: 11 parts (第一级), 54 categories (第二级), 473 causes (第三级).
//
// What ships here: every part and every category, and the third-level causes 1–35 with their fourth-level
// causes. Those were checked against the published text (the opening of the 2020 text as republished, and
// independent transcriptions agreeing with it). The remaining third-level causes (36–473) are NOT yet here:
// add them from the official text, never from memory. The 2025 amendment (法〔2025〕227号, in force
// 2026-01-01, 12 parts) goes in its own file as version "2026" once its text is at hand.
// Codes: parts P1–P11, categories C1–C54 (the text's 一 … 五十四), causes by the text's own numbers,
// fourth-level causes as <cause>.<n> (the text's （n）).
import type { CauseVersion } from './causes.rules.ts';

const c = (code: string, name: string, subs: string[] = []) => ({
  code,
  name,
  level: 3 as const,
  ...(subs.length ? { children: subs.map((s, i) => ({ code: `${code}.${i + 1}`, name: s, level: 4 as const })) } : {}),
});
const cat = (n: number, name: string, causes: ReturnType<typeof c>[] = []) => ({ code: `C${n}`, name, level: 2 as const, ...(causes.length ? { children: causes } : {}) });
const part = (n: number, name: string, categories: ReturnType<typeof cat>[]) => ({ code: `P${n}`, name, level: 1 as const, children: categories });

export const CAUSES_2021: CauseVersion = {
  version: '2021',
  title: '民事案件案由规定（2020年修正）',
  effectiveFrom: '2021-01-01',
  source: '最高人民法院《关于修改〈民事案件案由规定〉的决定》（法〔2020〕346号）、《关于印发修改后的〈民事案件案由规定〉的通知》（法〔2020〕347号）',
  note: '含全部第一级、第二级案由及第三级案由第1至35项；其余第三级案由待依官方文本补录。',
  tree: [
    part(1, '人格权纠纷', [
      cat(1, '人格权纠纷', [
        c('1', '生命权、身体权、健康权纠纷'),
        c('2', '姓名权纠纷'),
        c('3', '名称权纠纷'),
        c('4', '肖像权纠纷'),
        c('5', '声音保护纠纷'),
        c('6', '名誉权纠纷'),
        c('7', '荣誉权纠纷'),
        c('8', '隐私权、个人信息保护纠纷', ['隐私权纠纷', '个人信息保护纠纷']),
        c('9', '婚姻自主权纠纷'),
        c('10', '人身自由权纠纷'),
        c('11', '一般人格权纠纷', ['平等就业权纠纷']),
      ]),
    ]),
    part(2, '婚姻家庭、继承纠纷', [
      cat(2, '婚姻家庭纠纷', [
        c('12', '婚约财产纠纷'),
        c('13', '婚内夫妻财产分割纠纷'),
        c('14', '离婚纠纷'),
        c('15', '离婚后财产纠纷'),
        c('16', '离婚后损害责任纠纷'),
        c('17', '婚姻无效纠纷'),
        c('18', '撤销婚姻纠纷'),
        c('19', '夫妻财产约定纠纷'),
        c('20', '同居关系纠纷', ['同居关系析产纠纷', '同居关系子女抚养纠纷']),
        c('21', '亲子关系纠纷', ['确认亲子关系纠纷', '否认亲子关系纠纷']),
        c('22', '抚养纠纷', ['抚养费纠纷', '变更抚养关系纠纷']),
        c('23', '扶养纠纷', ['扶养费纠纷', '变更扶养关系纠纷']),
        c('24', '赡养纠纷', ['赡养费纠纷', '变更赡养关系纠纷']),
        c('25', '收养关系纠纷', ['确认收养关系纠纷', '解除收养关系纠纷']),
        c('26', '监护权纠纷'),
        c('27', '探望权纠纷'),
        c('28', '分家析产纠纷'),
      ]),
      cat(3, '继承纠纷', [
        c('29', '法定继承纠纷', ['转继承纠纷', '代位继承纠纷']),
        c('30', '遗嘱继承纠纷'),
        c('31', '被继承人债务清偿纠纷'),
        c('32', '遗赠纠纷'),
        c('33', '遗赠扶养协议纠纷'),
        c('34', '非遗产继承人分配遗产纠纷'),
        c('35', '遗产管理纠纷', ['遗产管理人责任纠纷', '遗产管理人报酬纠纷']),
      ]),
    ]),
    part(3, '物权纠纷', [
      cat(4, '不动产登记纠纷'),
      cat(5, '物权保护纠纷'),
      cat(6, '所有权纠纷'),
      cat(7, '用益物权纠纷'),
      cat(8, '担保物权纠纷'),
      cat(9, '占有保护纠纷'),
    ]),
    part(4, '合同、准合同纠纷', [cat(10, '合同纠纷'), cat(11, '不当得利纠纷'), cat(12, '无因管理纠纷')]),
    part(5, '知识产权与竞争纠纷', [cat(13, '知识产权合同纠纷'), cat(14, '知识产权权属、侵权纠纷'), cat(15, '不正当竞争纠纷'), cat(16, '垄断纠纷')]),
    part(6, '劳动争议、人事争议', [cat(17, '劳动争议'), cat(18, '人事争议')]),
    part(7, '海事海商纠纷', [cat(19, '海事海商纠纷')]),
    part(8, '与公司、证券、保险、票据等有关的民事纠纷', [
      cat(20, '与企业有关的纠纷'),
      cat(21, '与公司有关的纠纷'),
      cat(22, '合伙企业纠纷'),
      cat(23, '与破产有关的纠纷'),
      cat(24, '证券纠纷'),
      cat(25, '期货交易纠纷'),
      cat(26, '信托纠纷'),
      cat(27, '保险纠纷'),
      cat(28, '票据纠纷'),
      cat(29, '信用证纠纷'),
      cat(30, '独立保函纠纷'),
    ]),
    part(9, '侵权责任纠纷', [cat(31, '侵权责任纠纷')]),
    part(10, '非讼程序案件案由', [
      cat(32, '选民资格案件'),
      cat(33, '宣告失踪、宣告死亡案件'),
      cat(34, '认定公民无民事行为能力、限制民事行为能力案件'),
      cat(35, '指定遗产管理人案件'),
      cat(36, '认定财产无主案件'),
      cat(37, '确认调解协议案件'),
      cat(38, '实现担保物权案件'),
      cat(39, '监护权特别程序案件'),
      cat(40, '督促程序案件'),
      cat(41, '公示催告程序案件'),
      cat(42, '公司清算案件'),
      cat(43, '破产程序案件'),
      cat(44, '申请诉前停止侵害知识产权案件'),
      cat(45, '申请保全案件'),
      cat(46, '申请人身安全保护令案件'),
      cat(47, '申请人格权侵害禁令案件'),
      cat(48, '仲裁程序案件'),
      cat(49, '海事诉讼特别程序案件'),
      cat(50, '申请承认与执行法院判决、仲裁裁决案件'),
    ]),
    part(11, '特殊诉讼程序案件案由', [
      cat(51, '与宣告失踪、宣告死亡案件有关的纠纷'),
      cat(52, '公益诉讼'),
      cat(53, '第三人撤销之诉'),
      cat(54, '执行程序中的异议之诉'),
    ]),
  ],
};
