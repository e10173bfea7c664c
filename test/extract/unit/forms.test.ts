/** The unit and year of a document's forms taken together (src/extract/unit/forms.ts). */
import { describe, expect, it } from 'vitest';
import type { UnitDecision } from '../../../src/extract/unit/decide.js';
import { formsNameSeveralUnits, unitOverForms, yearsOfForms } from '../../../src/extract/unit/forms.js';
import type { SourceDocument } from '../../../src/ingest/document.js';
import type { Form } from '../../../src/schema/record.js';

const formOf = (department: string | null, implementer: string | null, at = 0, quote = '项目支出绩效自评表', source: Form['source'] = 'table'): Form =>
  ({ id: 'form:1', part: null, formKind: 'project', source, projectName: 'X', department, implementer, evidence: { page: 1, start: at, end: at + quote.length, quote } }) as unknown as Form;

const decisionOf = (name: string, sources: string[]): UnitDecision => ({
  name,
  reason: 'clear',
  candidates: [{ name, score: 12, sources, features: [], evidence: null }],
});

describe('formsNameSeveralUnits', () => {
  it('is true for forms of two units, by 实施单位 else 主管部门', () => {
    expect(formsNameSeveralUnits([formOf('滁州市人力资源和社会保障局', '滁州市人力资源和社会保障局'), formOf('濉溪县民政局', null)])).toBe(true);
    expect(formsNameSeveralUnits([formOf('稷山县医疗保障局', '稷山县医疗保险服务中心'), formOf('青神县发展和改革局本级', '青神县发展和改革局')])).toBe(true);
  });
  it('is false for forms of one unit, its budget level or a name cut short', () => {
    expect(formsNameSeveralUnits([formOf('国家信访局', '国家信访局'), formOf('国家信访局', '国家信访局本级')])).toBe(false);
    expect(formsNameSeveralUnits([formOf('上海市普陀区体育局', '上海市普陀区体育事业管理中心'), formOf('上海市普陀区体育局', '上海市普陀区')])).toBe(false);
    expect(formsNameSeveralUnits([formOf('濉溪县民政局', null), formOf(null, null, 0, 'X', 'score_table')])).toBe(false);
  });
});

describe('yearsOfForms: forms of several years', () => {
  const text = '项目支出绩效自评表\n（2022年度）\n项目名称 甲\n（临时救助）绩效目标自评表\n（2019年度）\n项目名称 乙';
  const doc = { text } as SourceDocument;
  it('is true when two forms print different years under their headings', () => {
    expect(yearsOfForms(doc, [formOf('A局', null, 0), formOf('B局', null, text.indexOf('（临时救助）'), '（临时救助）绩效目标自评表')]).size > 1).toBe(true);
  });
  it('is false when they print one year', () => {
    const same = text.replace('2019', '2022');
    expect(yearsOfForms({ text: same } as SourceDocument, [formOf('A局', null, 0), formOf('B局', null, same.indexOf('（临时救助）'), '（临时救助）绩效目标自评表')]).size > 1).toBe(false);
  });
});

describe('yearsOfForms: the year a flattened heading prints', () => {
  it('reads the year across a flattened table\'s bars, and never a publication date on the heading\'s line (t805)', () => {
    const text = '发文日期: | 2022年11月04日 | 项目支出绩效自评表 |\n|||||||||||||\n( 2021 年度) |\n项目名称 |';
    const at = text.indexOf('项目支出绩效自评表');
    expect([...yearsOfForms({ text } as SourceDocument, [formOf('A局', null, at)]).keys()]).toEqual([2021]);
    const undated = text.replace('( 2021 年度) |', '');
    expect([...yearsOfForms({ text: undated } as SourceDocument, [formOf('A局', null, at)]).keys()]).toEqual([]);
  });
});

describe('unitOverForms', () => {
  const forms = [formOf('襄阳市卫生健康委', '襄阳市中心医院'), formOf('濉溪县民政局', null)];
  it('abstains from a unit only the headers of forms of several units named', () => {
    expect(unitOverForms(decisionOf('襄阳市中心医院', ['form.field.实施单位']), forms)).toMatchObject({ name: null, reason: 'abstained_forms' });
  });
  it('keeps a unit a cover or title named', () => {
    expect(unitOverForms(decisionOf('某县财政局', ['cover.name', 'form.department']), forms).name).toBe('某县财政局');
    expect(unitOverForms(decisionOf('襄阳市中心医院', ['form.field.实施单位']), forms.slice(0, 1)).name).toBe('襄阳市中心医院');
  });
});
