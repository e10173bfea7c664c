/**
 * 政府收支分类科目 — 一般公共预算支出功能分类, class level (类). Names change under the same code
 * across years, so each class lists its earlier names; datasets line years up by `code`.
 * Source: research/domain-notes.md §3.1 (codes to be verified against each year's catalogue).
 */
export interface FunctionClass {
  code: string;
  /** Current name. */
  name: string;
  /** Earlier or alternative printed names. */
  aliases: string[];
}

export const FUNCTION_CLASSES: FunctionClass[] = [
  { code: '201', name: '一般公共服务支出', aliases: [] },
  { code: '202', name: '外交支出', aliases: [] },
  { code: '203', name: '国防支出', aliases: [] },
  { code: '204', name: '公共安全支出', aliases: [] },
  { code: '205', name: '教育支出', aliases: [] },
  { code: '206', name: '科学技术支出', aliases: [] },
  { code: '207', name: '文化旅游体育与传媒支出', aliases: ['文化体育与传媒支出', '文化旅游体育和传媒支出'] },
  { code: '208', name: '社会保障和就业支出', aliases: ['社会保障与就业支出'] },
  { code: '209', name: '社会保险基金支出', aliases: [] },
  { code: '210', name: '卫生健康支出', aliases: ['医疗卫生与计划生育支出', '医疗卫生和计划生育支出', '医疗卫生支出'] },
  { code: '211', name: '节能环保支出', aliases: [] },
  { code: '212', name: '城乡社区支出', aliases: ['城乡社区事务支出'] },
  { code: '213', name: '农林水支出', aliases: ['农林水事务支出'] },
  { code: '214', name: '交通运输支出', aliases: [] },
  { code: '215', name: '资源勘探工业信息等支出', aliases: ['资源勘探信息等支出', '资源勘探电力信息等支出'] },
  { code: '216', name: '商业服务业等支出', aliases: [] },
  { code: '217', name: '金融支出', aliases: [] },
  { code: '219', name: '援助其他地区支出', aliases: [] },
  { code: '220', name: '自然资源海洋气象等支出', aliases: ['国土海洋气象等支出', '国土资源气象等支出'] },
  { code: '221', name: '住房保障支出', aliases: [] },
  { code: '222', name: '粮油物资储备支出', aliases: ['粮油物资储备事务支出'] },
  { code: '223', name: '国有资本经营预算支出', aliases: [] },
  { code: '224', name: '灾害防治及应急管理支出', aliases: [] },
  { code: '227', name: '预备费', aliases: [] },
  { code: '229', name: '其他支出', aliases: [] },
  { code: '230', name: '转移性支出', aliases: [] },
  { code: '231', name: '债务还本支出', aliases: [] },
  { code: '232', name: '债务付息支出', aliases: [] },
  { code: '233', name: '债务发行费用支出', aliases: ['债券发行费用支出'] },
  { code: '234', name: '抗疫特别国债安排的支出', aliases: [] },
];

const BY_NAME = new Map<string, FunctionClass>();
for (const c of FUNCTION_CLASSES) for (const n of [c.name, ...c.aliases]) BY_NAME.set(n, c);

/** All printed names, longest first, for matching in text. */
export const FUNCTION_CLASS_NAMES = [...BY_NAME.keys()].sort((a, b) => b.length - a.length);

/** The class a printed name belongs to, or undefined. "其他支出" only counts as class 229 when a caller already knows it is a functional breakdown. */
export function classifyFunction(name: string): FunctionClass | undefined {
  return BY_NAME.get(name.replace(/\s+/g, ''));
}

/** The code of a class printed with its number: "（201）一般公共服务支出", "201一般公共服务支出". */
export function codeInLabel(label: string): string | undefined {
  const m = /(?:^|[（(\s])(2\d{2})(?:[）)\s]|$)/.exec(label);
  return m?.[1];
}
