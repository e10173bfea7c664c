/**
 * Words of a sub-project or allocation table (项目明细表, 资金分配表, 安排表): the column naming each
 * row's project, unit or area, the money columns and what each holds, the unit. Read by
 * extract/project-tables.ts; the total and subtotal rows are `TOTAL_ROW_WORDS` / `SUBTOTAL_ROW_WORDS`.
 */

/** Columns naming a unit a table gives money to. */
const UNIT_COLUMN = '单位|单位名称|项目单位|实施单位|资金使用单位|承担单位|受援单位|学校名称';
/** Columns naming an area a table allocates money to (县(市、区), 乡镇 …), with or without 名称/名单. */
const AREA_COLUMN = '县[（(]市、?区[）)]|县[（(]区[）)]|县[（(]市[）)]|市[（(]州[）)]|乡[（(]镇[）)]|乡镇[（(]街道[）)]|县市区|市县|县区|区县|地区|区域|辖区|地市|市州|乡镇|镇街|镇[（(]街道[）)]|村[（(]社区[）)]|村';

/**
 * The column naming a row, most telling first (a table with both 乡镇名称 and 项目名称 lists projects).
 * `clear`: the header alone says the rows are projects, so a table without a 合计 row still stands;
 * any other column (a bare 项目 heads a 决算 table's classes too; units and areas head allocations)
 * stands only when its rows add up to the table's 合计.
 */
export const PROJECT_TABLE_NAME_COLUMNS: ReadonlyArray<{ pattern: RegExp; clear: boolean }> = [
  { pattern: /^(?:子?项目名称|项目全称|项目名单)$/u, clear: true },
  { pattern: /^项目$/u, clear: false },
  { pattern: new RegExp(`^(?:${UNIT_COLUMN})$`, 'u'), clear: false },
  { pattern: new RegExp(`^(?:${AREA_COLUMN})(?:名称|名单)?$`, 'u'), clear: false },
  // "支出内容(经济科目)": a project report's spending lines.
  { pattern: /^支出(?:内容|明细|项目)$/u, clear: false },
];

/**
 * The money columns of such a table and the field each holds, tried in order: a spending column named
 * as spent (实际支出数, 预算执行数) before a planned one (计划支出数, 预算金额, 本次下达数, 补助经费), and
 * a bare spending verb last. `skip` columns are no money of the project (shares, scores, investments).
 */
export const PROJECT_TABLE_MONEY_COLUMNS: ReadonlyArray<{ field: 'budget' | 'execution' | 'executionRate' | 'skip'; pattern: RegExp }> = [
  { field: 'executionRate', pattern: /执行率/u },
  { field: 'skip', pattern: /率|得分|分值|占比|比例|比重|备注|序号|总投资|估算|数量|面积|人数|个数|编码|代码|类型|分类|地点|内容|名称|目标|指标|说明|清单|进度/u },
  { field: 'execution', pattern: /实际|执行数|已拨付|决算数|完成数/u },
  { field: 'budget', pattern: /计划|预算|下达|分配|安排|批复|补助|金额|资金|经费|发行|小计|合计/u },
  { field: 'execution', pattern: /支出|使用|拨付|执行/u },
];

/** A money column holding the row's total over the columns beside it (合计 | 中央 | 省级): the row's amount. */
export const ROW_TOTAL_COLUMN = /合计|小计|总计|总额/u;
/** A row that is a part of the row above it ("其中：…"): neither a project of its own nor a term of the sum. */
export const PART_ROW = /^其中/u;

/** The unit a header cell or a "单位：万元" line prints, group 1. */
export const TABLE_MONEY_UNIT = /(亿元|万元|元)/u;
/** "单位：万元" printed over a table (group 1 the unit). */
export const TABLE_UNIT_LINE = /单位[:：]\s*(亿元|万元|元)/u;
/** A 序号 column's header. */
export const ORDINAL_COLUMN = /^序号$/u;
/** A money column's name as a flattened header prints it, its unit note after it ("补助经费(万元)", "预算数", "实际支出数"). */
const FLAT_MONEY_COLUMN = '[\\u4e00-\\u9fff]{0,6}?(?:资金|经费|金额|下达数|分配数|预算数|执行数|支出数)(?:[（(](?:万元|元)[）)])?';
/**
 * The header of a table the page flattened with no separators ("乡镇补助经费(万元)备注龙涓镇5长卿镇1.5…
 * 全县合计35", "项目名称预算数执行数A村道路项目100 90…合计150 140"): its name column, then one to three
 * money columns (group 1), an empty 备注 column.
 */
export const GLUED_TABLE_HEADER = new RegExp(`(?:${AREA_COLUMN}|${UNIT_COLUMN}|项目名称)(?:名称|名单)?((?:${FLAT_MONEY_COLUMN}){1,3})(?:备注)?`, 'u');
/** One money column of such a header, read one after another. */
export const GLUED_TABLE_COLUMN = new RegExp(FLAT_MONEY_COLUMN, 'uy');
/** A row's name in such a table (no digits: its amounts follow it glued). */
export const GLUED_TABLE_NAME = '[\\u4e00-\\u9fffA-Za-z（）()、·]{2,24}?';
/** 序号 printed right before a flattened header's name column ("序号地区金额"): its rows open with their numbers. */
export const ORDINAL_BEFORE_HEADER = /序号\s*$/u;
/**
 * A flattened header whose name column is a unit or an area and whose money column is a project's ("序号单位项目金额"):
 * its rows are projects grouped under numbered units, each group closed by its 小计 ("1上杭县A10B8…小计502漳平市C5…小计20合计70").
 */
export const GROUPED_TABLE_NAME_COLUMN = new RegExp(`^(?:${UNIT_COLUMN}|${AREA_COLUMN})(?:名称|名单)?$`, 'u');
/** The project column such a header prints before its money column ("项目金额" → 项目 | 金额). */
export const GROUPED_TABLE_PROJECT_COLUMN = /^(?:项目|项目名称)(?=[\u4e00-\u9fff])/u;
