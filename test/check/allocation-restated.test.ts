/** One document's allocation, cited by its 文号, stated more than once (issue 16; t052's shape). */
import { describe, expect, it } from 'vitest';
import { checkAllocations } from '../../src/check/allocation-restated.js';

const first = '财政局呼财农指【2023】41号文件《关于下达2023年自治区水利发展资金预算的通知》,下达××县2023年资金5万元。';
const project = (amount: string) => `其他工作顺利推进。财政局呼财农指【2023】41号文件《关于下达2023年自治区水利发展资金预算的通知》,下达××县2023年山洪灾害防治设施维养${amount}。`;

describe('checkAllocations', () => {
  it('fails a project above the whole its document allocated (5万元, then 6万元 for one project), citing both', () => {
    const [r] = checkAllocations(first + project('6万元'));
    expect(r).toMatchObject({ rule: 'restated', status: 'fail', certainty: 'definite' });
    expect(r!.evidence.map((e) => e.text)).toEqual(['5万元', '6万元']);
  });

  it('says nothing of a project below the whole (it may be one of several), nor of a verb inside the title', () => {
    expect(checkAllocations(first + project('4万元'))).toEqual([]);
    expect(checkAllocations(first)).toEqual([]);
  });

  it('passes the whole stated twice alike and fails it stated twice differently', () => {
    const whole = (amount: string) => `财政局呼财农指【2023】10号文件《关于下达2023年中央水利发展资金预算的通知》,下达××县2023年中央水利发展资金${amount}。`;
    expect(checkAllocations(whole('2263万元') + whole('2263万元')).map((r) => r.status)).toEqual(['pass']);
    expect(checkAllocations(whole('2263万元') + whole('2236万元')).map((r) => [r.status, r.certainty])).toEqual([['fail', 'definite']]);
  });

  it('keeps two documents apart', () => {
    expect(checkAllocations(first + project('6万元').replace('41号', '42号'))).toEqual([]);
  });
});
