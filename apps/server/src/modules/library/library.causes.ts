// Causes of action and the articles a matter of that cause rests on: reference data, loaded into the
// library_cause tables with the library (seedLibrary, `opencourt library import`) where a court may
// add its own. Revision 1 (2026): each article checked against its text in the shared law corpus
// (../shared/data/laws); the cause names are those of the SPC's 民事案件案由规定 (2020), whose numbers
// are left out until the catalogue itself is in the repository.
export type CauseLinks = { name: string; code: string | null; articles: { documentTitle: string; label: string; note: string }[] };

const CIVIL_CODE = '中华人民共和国民法典';

export const CAUSE_LINKS: CauseLinks[] = [
  {
    name: '民间借贷纠纷',
    code: null,
    articles: [
      { documentTitle: CIVIL_CODE, label: '第六百六十七条', note: '借款合同的含义' },
      { documentTitle: CIVIL_CODE, label: '第六百七十五条', note: '按约定期限返还借款' },
      { documentTitle: CIVIL_CODE, label: '第六百七十六条', note: '逾期返还的利息' },
      { documentTitle: CIVIL_CODE, label: '第六百七十九条', note: '自然人之间借款合同的成立' },
      { documentTitle: CIVIL_CODE, label: '第六百八十条', note: '禁止高利放贷' },
      { documentTitle: '最高人民法院关于审理民间借贷案件适用法律若干问题的规定', label: '第一条', note: '民间借贷的范围' },
      { documentTitle: '最高人民法院关于审理民间借贷案件适用法律若干问题的规定', label: '第二条', note: '起诉时应提供借据等债权凭证' },
      { documentTitle: '最高人民法院关于审理民间借贷案件适用法律若干问题的规定', label: '第二十五条', note: '利率的上限' },
      { documentTitle: '最高人民法院关于审理民间借贷案件适用法律若干问题的规定', label: '第二十八条', note: '逾期利率' },
      { documentTitle: CIVIL_CODE, label: '第一百八十八条', note: '三年诉讼时效' },
    ],
  },
  {
    name: '物业服务合同纠纷',
    code: null,
    articles: [
      { documentTitle: CIVIL_CODE, label: '第九百三十七条', note: '物业服务合同的含义' },
      { documentTitle: CIVIL_CODE, label: '第九百四十二条', note: '物业服务人的义务' },
      { documentTitle: CIVIL_CODE, label: '第九百四十四条', note: '业主支付物业费' },
      { documentTitle: CIVIL_CODE, label: '第九百四十六条', note: '解聘物业服务人' },
      { documentTitle: CIVIL_CODE, label: '第九百四十九条', note: '合同终止后的交接' },
      { documentTitle: '最高人民法院关于审理物业服务纠纷案件适用法律若干问题的解释', label: '第一条', note: '业主妨碍物业服务与管理' },
      { documentTitle: '最高人民法院关于审理物业服务纠纷案件适用法律若干问题的解释', label: '第二条', note: '违规收取的费用应退还' },
      { documentTitle: CIVIL_CODE, label: '第一百八十八条', note: '三年诉讼时效' },
    ],
  },
  {
    name: '离婚纠纷',
    code: null,
    articles: [
      { documentTitle: CIVIL_CODE, label: '第一千零七十六条', note: '协议离婚' },
      { documentTitle: CIVIL_CODE, label: '第一千零七十九条', note: '诉讼离婚与准予离婚的情形' },
      { documentTitle: CIVIL_CODE, label: '第一千零八十四条', note: '离婚后的父母子女关系' },
      { documentTitle: CIVIL_CODE, label: '第一千零八十五条', note: '子女抚养费' },
      { documentTitle: CIVIL_CODE, label: '第一千零八十七条', note: '夫妻共同财产的分割' },
      { documentTitle: CIVIL_CODE, label: '第一千零八十八条', note: '家务劳动补偿' },
      { documentTitle: CIVIL_CODE, label: '第一千零九十一条', note: '离婚损害赔偿' },
      { documentTitle: CIVIL_CODE, label: '第一千零九十二条', note: '隐藏、转移共同财产' },
    ],
  },
  {
    name: '机动车交通事故责任纠纷',
    code: null,
    articles: [
      { documentTitle: CIVIL_CODE, label: '第一千二百零八条', note: '机动车交通事故责任的依据' },
      { documentTitle: CIVIL_CODE, label: '第一千二百零九条', note: '所有人与使用人不一致' },
      { documentTitle: CIVIL_CODE, label: '第一千二百一十条', note: '已转让未登记的机动车' },
      { documentTitle: CIVIL_CODE, label: '第一千二百一十三条', note: '交强险、商业险与侵权人的赔偿顺序' },
      { documentTitle: CIVIL_CODE, label: '第一千二百一十六条', note: '肇事逃逸' },
      { documentTitle: '中华人民共和国道路交通安全法', label: '第七十六条', note: '交通事故的赔偿责任' },
      { documentTitle: '最高人民法院关于审理道路交通事故损害赔偿案件适用法律若干问题的解释', label: '第一条', note: '所有人或管理人的过错' },
    ],
  },
  {
    name: '劳动争议',
    code: null,
    articles: [
      { documentTitle: '中华人民共和国劳动争议调解仲裁法', label: '第二条', note: '劳动争议的范围' },
      { documentTitle: '中华人民共和国劳动争议调解仲裁法', label: '第五条', note: '先申请仲裁，不服再起诉' },
      { documentTitle: '中华人民共和国劳动争议调解仲裁法', label: '第二十七条', note: '一年仲裁时效' },
      { documentTitle: '中华人民共和国劳动争议调解仲裁法', label: '第四十七条', note: '终局裁决' },
      { documentTitle: '中华人民共和国劳动争议调解仲裁法', label: '第四十八条', note: '劳动者对终局裁决不服可起诉' },
      { documentTitle: '中华人民共和国劳动合同法', label: '第三十条', note: '及时足额支付劳动报酬' },
      { documentTitle: '中华人民共和国劳动合同法', label: '第四十六条', note: '支付经济补偿的情形' },
      { documentTitle: '中华人民共和国劳动合同法', label: '第四十七条', note: '经济补偿的计算' },
      { documentTitle: '中华人民共和国劳动合同法', label: '第八十二条', note: '未订立书面合同的二倍工资' },
      { documentTitle: '最高人民法院关于审理劳动争议案件适用法律问题的解释（一）', label: '第一条', note: '属于劳动争议的纠纷' },
    ],
  },
];
