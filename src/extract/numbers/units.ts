/**
 * Units that may follow a number, with what they make of it. A unit is taken only when it directly
 * follows the number (or 多/余, or one stray space), and only when the character after it does not
 * turn it into another word: 3分别 is no score, 5支出 no count of 支, 2021年度 no duration.
 */
import type { FigureKind } from '../../schema/record.js';

export interface UnitInfo {
  /** Normalized unit: simplified characters, symbols spelled out (㎡ → 平方米, ％ → %). */
  unit: string;
  kind: FigureKind;
  /** Power of ten from the stated unit to the base unit (万元 → 4, % → -2). */
  scale: number;
}

export interface UnitEntry extends UnitInfo {
  /** The unit as written. */
  text: string;
  /** Characters that, right after the unit, make it part of another word. */
  block?: string;
  /** Only after Arabic numbers (年: 十四五, 三年行动计划 are no durations). */
  arabicOnly?: boolean;
  /** A currency: takes a magnitude from the numeral (3万多元 → 万元). */
  currency?: boolean;
  /** Latin-letter unit: must not run into further letters or digits. */
  latin?: boolean;
}

/** Magnitude words a money unit may carry, with their powers of ten. */
export const MONEY_MAGNITUDES: readonly [string, string, number][] = [
  ['', '', 0],
  ['千', '千', 3],
  ['万', '万', 4],
  ['萬', '万', 4],
  ['十万', '十万', 5],
  ['十萬', '十万', 5],
  ['百万', '百万', 6],
  ['百萬', '百万', 6],
  ['千万', '千万', 7],
  ['千萬', '千万', 7],
  ['亿', '亿', 8],
  ['億', '亿', 8],
  ['十亿', '十亿', 9],
  ['十億', '十亿', 9],
  ['百亿', '百亿', 10],
  ['百億', '百亿', 10],
  ['千亿', '千亿', 11],
  ['千億', '千亿', 11],
  ['万亿', '万亿', 12],
  ['萬億', '万亿', 12],
];

/** The magnitude word for a power of ten, for a numeral's magnitude merged into a currency (3万多元 → 万元). */
export const MAGNITUDE_WORD: Record<number, string> = { 3: '千', 4: '万', 5: '十万', 6: '百万', 7: '千万', 8: '亿', 9: '十亿', 10: '百亿', 11: '千亿', 12: '万亿' };

/** Numeral magnitudes after Arabic digits (3.5万人, 1.2亿): longest first. */
export const NUMERAL_MAGNITUDES: readonly [string, number][] = [
  ['万亿', 12],
  ['萬億', 12],
  ['千万', 7],
  ['千萬', 7],
  ['百万', 6],
  ['百萬', 6],
  ['亿', 8],
  ['億', 8],
  ['万', 4],
  ['萬', 4],
  ['千', 3],
];

const CURRENCIES: readonly [string, string, string?][] = [
  ['元', '元', '素旦月宵化器件老首帅宝气'],
  ['圆', '元', '满形桌'],
  ['美元', '美元'],
  ['港元', '港元'],
  ['港币', '港元'],
  ['欧元', '欧元'],
  ['日元', '日元'],
  ['英镑', '英镑'],
];

/** After 分 (score), characters that make a word of it: 分别, 分钟, 分值, 分析 … */
export const SCORE_BLOCK = '别钟鐘值析类類配解层層级級管布批担擔享局校队隊会會数數公项項组組摊攤拨撥散割裂开開离離支化工秒站社部红紅量辨明居区區钱錢厘米之成期段流歧外泌子母头頭包册冊发發送居赃档檔户戶岔手身权權税稅账賬计計列号號块塊店行院厂廠所片';

/**
 * Count units: [written, normalized, blocking next characters, Arabic numbers only]. 期, 类 and 起
 * after a Chinese numeral are mostly names (二期工程, 公益一类, 一起参加), so only Arabic counts take them.
 */
const COUNTS: readonly [string, string, string?, boolean?][] = [
  ['人次', '人次', '数數'],
  ['户次', '户次'],
  ['戶次', '户次'],
  ['场次', '场次'],
  ['場次', '场次'],
  ['批次', '批次'],
  ['架次', '架次'],
  ['车次', '车次'],
  ['名', '名', '单單称稱义義誉譽录錄额額字次列胜勝牌'],
  ['人', '人', '民员員口数數均才工力社大身群事为為居文防寿壽们們际際格性物类類生选選脉脈情士体體心'],
  ['个', '个', '体體性别別案'],
  ['個', '个', '体體性别別案'],
  ['项', '项', '目'],
  ['項', '项', '目'],
  ['条', '条', '件例款形幅'],
  ['條', '条', '件例款形幅'],
  ['期', '期', '间間限望待刊末初中货貨满滿', true],
  ['次', '次', '要序性数數级級日'],
  ['支', '支', '出付持援撑撐配部'],
  ['家', '家', '庭属屬长長乡鄉具里用园園'],
  ['场', '场', '所地馆館景合面'],
  ['場', '场', '所地馆館景合面'],
  ['篇', '篇', '章幅'],
  ['户', '户', '籍口外型主'],
  ['戶', '户', '籍口外型主'],
  ['所', '所', '有属屬在得需以谓謂长長'],
  ['件', '件', '事'],
  ['类', '类', '别別似型', true],
  ['類', '类', '别別似型', true],
  ['批', '批', '准复複示评評转轉'],
  ['座', '座', '谈談位'],
  ['处', '处', '理置罚罰分于於长長室级級'],
  ['處', '处', '理置罚罰分于於长長室级級'],
  ['宗', '宗', '旨教族'],
  ['起', '起', '止草步诉訴见見来來点點始', true],
  ['台', '台', '账賬风風湾灣阶階'],
  ['臺', '台', '账賬风風湾灣阶階'],
  ['辆', '辆'],
  ['輛', '辆'],
  ['套', '套', '餐'],
  ['册', '册'],
  ['冊', '册'],
  ['份', '份', '额額'],
  ['本', '本', '级級年单單部次期地人市县縣区區局身项項科着金息质質'],
  ['张', '张', '贴貼'],
  ['張', '张', '贴貼'],
  ['种', '种', '植子养養'],
  ['種', '种', '植子养養'],
  ['位', '位', '于於置'],
  ['只', '只', '有是要能'],
  ['隻', '只'],
  ['棵', '棵'],
  ['株', '株'],
  ['头', '头', '等脑腦'],
  ['頭', '头', '等脑腦'],
  ['间', '间', '接隔'],
  ['間', '间', '接隔'],
  ['栋', '栋'],
  ['棟', '栋'],
  ['幢', '幢'],
  ['部', '部', '门門分长長署委队隊位件'],
  ['幅', '幅', '度'],
  ['组', '组', '织織建成长長合'],
  ['組', '组', '织織建成长長合'],
  ['队', '队', '伍员員长長列'],
  ['隊', '队', '伍员員长長列'],
  ['笔', '笔', '记記试試'],
  ['筆', '笔', '记記试試'],
  ['例', '例', '如外行'],
  ['艘', '艘'],
  ['架', '架', '构構'],
  ['盏', '盏'],
  ['轮', '轮', '换換'],
  ['床', '床', '位上'],
];

const MEASURES: readonly [string, string, string?][] = [
  ['平方公里', '平方公里'],
  ['平方千米', '平方千米'],
  ['平方米', '平方米'],
  ['平米', '平方米'],
  ['㎡', '平方米'],
  ['立方米', '立方米'],
  ['公顷', '公顷'],
  ['公頃', '公顷'],
  ['亩', '亩'],
  ['畝', '亩'],
  ['公里', '公里'],
  ['千米', '千米'],
  ['厘米', '厘米'],
  ['毫米', '毫米'],
  ['米', '米', '饭飯粒面'],
  ['㎞', '公里'],
  ['吨', '吨'],
  ['噸', '吨'],
  ['千克', '千克'],
  ['公斤', '公斤'],
  ['㎏', '千克'],
  ['千瓦时', '千瓦时'],
  ['千瓦時', '千瓦时'],
  ['千瓦', '千瓦'],
  ['兆瓦', '兆瓦'],
  ['毫升', '毫升'],
  ['升', '升', '级級值高学學温溫'],
  ['个小时', '小时'],
  ['個小時', '小时'],
  ['小时', '小时'],
  ['小時', '小时'],
  ['个工作日', '工作日'],
  ['個工作日', '工作日'],
  ['工作日', '工作日'],
  ['个月', '个月'],
  ['個月', '个月'],
  ['分钟', '分钟'],
  ['分鐘', '分钟'],
  ['秒', '秒', '钟鐘'],
  ['学时', '学时'],
  ['學時', '学时'],
  ['课时', '课时'],
  ['課時', '课时'],
  ['天', '天', '然气氣下津空地数數'],
  ['周', '周', '年岁歲边邊末转轉期围圍'],
  ['岁', '岁', '月'],
  ['歲', '岁', '月'],
  ['倍', '倍', '数數'],
];

const LATIN: readonly [string, string][] = [
  ['kWh', '千瓦时'],
  ['km²', '平方公里'],
  ['km', '公里'],
  ['KM', '公里'],
  ['m²', '平方米'],
  ['m2', '平方米'],
  ['m³', '立方米'],
  ['m3', '立方米'],
  ['cm', '厘米'],
  ['mm', '毫米'],
  ['kg', '千克'],
  ['KG', '千克'],
  ['kW', '千瓦'],
  ['KW', '千瓦'],
  ['kw', '千瓦'],
  ['MW', '兆瓦'],
  ['GB', 'GB'],
  ['TB', 'TB'],
  ['m', '米'],
];

function buildTable(): UnitEntry[] {
  const out: UnitEntry[] = [];
  for (const [magText, magUnit, exp] of MONEY_MAGNITUDES)
    for (const [cur, curUnit, block] of CURRENCIES)
      out.push({ text: magText + cur, unit: magUnit + curUnit, kind: 'money', scale: exp, currency: true, ...(block ? { block } : {}) });
  out.push({ text: '%', unit: '%', kind: 'percent', scale: -2 });
  out.push({ text: '‰', unit: '‰', kind: 'percent', scale: -3 });
  out.push({ text: '百分比', unit: '%', kind: 'percent', scale: -2 });
  // A difference of percentages, not a ratio: kept as a plain measure so no rate check uses it.
  out.push({ text: '个百分点', unit: '百分点', kind: 'measure', scale: 0 });
  out.push({ text: '個百分點', unit: '百分点', kind: 'measure', scale: 0 });
  out.push({ text: '百分点', unit: '百分点', kind: 'measure', scale: 0 });
  out.push({ text: '百分點', unit: '百分点', kind: 'measure', scale: 0 });
  out.push({ text: '分', unit: '分', kind: 'score', scale: 0, block: SCORE_BLOCK });
  for (const [text, unit, block, arabicOnly] of COUNTS)
    out.push({ text, unit, kind: 'count', scale: 0, ...(block ? { block } : {}), ...(arabicOnly ? { arabicOnly } : {}) });
  for (const [text, unit, block] of MEASURES) out.push({ text, unit, kind: 'measure', scale: 0, ...(block ? { block } : {}) });
  out.push({ text: '年', unit: '年', kind: 'measure', scale: 0, arabicOnly: true, block: '度级級初底末中份龄齡轻輕纪紀代会會限鉴鑒终終' });
  for (const [text, unit] of LATIN) out.push({ text, unit, kind: 'measure', scale: 0, arabicOnly: true, latin: true });
  return out;
}

const TABLE = buildTable();
const BY_TEXT = new Map<string, UnitEntry>(TABLE.map((e) => [e.text, e]));
/** Longest unit spelling by its first UTF-16 unit: most characters start none, and need no lookup. */
const MAX_LEN_BY_FIRST = new Map<number, number>();
for (const e of TABLE) {
  const first = e.text.charCodeAt(0);
  MAX_LEN_BY_FIRST.set(first, Math.max(MAX_LEN_BY_FIRST.get(first) ?? 0, e.text.length));
}

/** Every entry written as `text` (several spellings share one normalized unit). */
export function unitEntryOf(text: string): UnitEntry | undefined {
  return BY_TEXT.get(text);
}

/** What a normalized unit name means (for a table's header unit): 万元 → money 4; unknown → undefined. */
export function unitInfoOf(unit: string): UnitInfo | undefined {
  const e = BY_TEXT.get(unit) ?? TABLE.find((x) => x.unit === unit);
  return e ? { unit: e.unit, kind: e.kind, scale: e.scale } : undefined;
}

const LATIN_OR_DIGIT = /[A-Za-z0-9]/u;

/**
 * The longest unit written at `f[p]`, skipping spellings that the next character turns into
 * another word. `arabic`: the number is in Arabic digits (some units only follow those).
 */
export function matchUnitAt(f: string, p: number, arabic: boolean): UnitEntry | undefined {
  const longest = MAX_LEN_BY_FIRST.get(f.charCodeAt(p));
  if (longest === undefined) return undefined;
  for (let len = Math.min(longest, f.length - p); len >= 1; len--) {
    const e = BY_TEXT.get(f.slice(p, p + len));
    if (!e) continue;
    if (e.arabicOnly && !arabic) continue;
    const next = f[p + len] ?? '';
    if (e.latin && LATIN_OR_DIGIT.test(next)) continue;
    if (e.block && next !== '' && e.block.includes(next)) continue;
    return e;
  }
  return undefined;
}

/** Denominators of rates written after a money unit: 元/人, 元/辆, 万元/公里, 元/人、天. */
const RATE_DENOMINATOR = /^[/／]((?:人次|平方米|平方公里|小时|小時|公里|千克|公斤|学生|學生|批次|人|名|辆|輛|台|臺|亩|畝|吨|噸|次|户|戶|年|月|天|日|个|個|件|份|套|头|頭|只|床|生|张|張|场|場|期|篇|项|項|斤|km|㎡|m²|m2|kg))(?:[、·・/／]?(?:天|日|月|年|次))?/u;

/** A rate's "/denominator" right after a money unit: "元/人、天" → "/人、天"; else null. */
export function matchRateDenominator(f: string, p: number): string | null {
  const m = RATE_DENOMINATOR.exec(f.slice(p, p + 8));
  return m ? m[0] : null;
}

const HEADER_LABELED = /(?:金额|金額|计量|計量|货币|貨幣|数量|數量)?(?:单位|單位)\s*[:：]\s*(?:人民币|人民幣)?\s*([^\s,，;；、)）(（]{1,6})/u;
const HEADER_BRACKETED = /[（(]\s*(?:(?:金额|计量)?单位\s*[:：]\s*)?(?:人民币|人民幣)?\s*([^()（）\s]{1,6}?)\s*[)）]/gu;

/** A unit name alone (after trimming): "万元" → 万元, "%" → %, "百分比" → %; null if it is not one. */
function unitNamed(s: string): string | null {
  const t = s.replace(/[％]/gu, '%').trim();
  const e = BY_TEXT.get(t);
  if (e) return e.unit;
  return null;
}

/**
 * The unit a table header declares: "单位：万元", "金额单位:元", "（万元）", "预算数(万元)",
 * "执行率(%)", "自评总分(分)". Returns the normalized unit, or null.
 */
export function findHeaderUnit(text: string): string | null {
  const labeled = HEADER_LABELED.exec(text);
  if (labeled) {
    const raw = labeled[1]!;
    // "单位：万元，" or "单位：万元 …": take the longest unit at the start.
    for (let len = raw.length; len >= 1; len--) {
      const u = unitNamed(raw.slice(0, len));
      if (u) return u;
    }
  }
  for (const m of text.matchAll(HEADER_BRACKETED)) {
    const u = unitNamed(m[1]!);
    if (u) return u;
  }
  return null;
}
