/**
 * Department identity across years (部门标识). The same unit prints its name differently from year
 * to year and site to site; `departmentKey` maps every spelling we can recognise without a
 * gazetteer to one match key. What it cannot recognise (a renamed county root, a unit renamed
 * outright) is fixed by the user-editable alias table (see `departments.ts`).
 *
 * Pure: no I/O.
 */

/** The region fields of a record (ReportRecord.report.region). */
export interface DepartmentRegion {
  province: string | null;
  city: string | null;
  county: string | null;
}

/**
 * The 55 minority nationalities, as they appear before 族 in the names of autonomous areas.
 * Longest first, so 土家 wins over 土 and 哈尼 over a bare root.
 */
const NATIONALITIES = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣',
  '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗',
  '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固',
  '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺', '各',
].sort((a, b) => b.length - a.length);

/**
 * Names that official titles print without 族 (巴音郭楞蒙古自治州, 察布查尔锡伯自治县); only these
 * may drop it, so a one-character root ending in 水 or 白 is never mistaken for a nationality.
 */
const WITHOUT_ZU = ['维吾尔', '柯尔克孜', '哈萨克', '塔吉克', '蒙古', '锡伯'];

const NATIONALITY = `(?:(?:${NATIONALITIES.join('|')})族|(?:${WITHOUT_ZU.join('|')}))`;
/** 寻甸回族彝族自治县 → 寻甸县, 红河哈尼族彝族自治州 → 红河州, 察布查尔锡伯自治县 → 察布查尔县. */
const AUTONOMOUS_AREA = new RegExp(`${NATIONALITY}+自治(县|州|旗)`, 'gu');

/** Province-level autonomous regions, written short (as in 广西 …). */
const AUTONOMOUS_REGIONS: ReadonlyArray<[string, string]> = [
  ['内蒙古自治区', '内蒙古'],
  ['广西壮族自治区', '广西'],
  ['西藏自治区', '西藏'],
  ['宁夏回族自治区', '宁夏'],
  ['新疆维吾尔自治区', '新疆'],
];

/**
 * Long and short forms of the same organ (机构简称), applied anywhere in the name. Order matters:
 * 中国共产主义青年团 before 中国共产党 is harmless (neither contains the other), but 机构编制委员会
 * must be shortened before the generic place + 委员会 rule below.
 */
const ORGAN_ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  [/中国共产党/gu, '中共'],
  [/中国共产主义青年团/gu, '共青团'],
  [/中国人民政治协商会议/gu, '政协'],
  [/人民代表大会常务委员会/gu, '人大常委会'],
  [/机构编制委员会办公室/gu, '编办'],
  [/纪律检查委员会/gu, '纪委'],
  [/政法委员会/gu, '政法委'],
  [/统一战线工作部/gu, '统战部'],
  [/工作委员会/gu, '工委'],
  [/人民政府/gu, '政府'],
  // X县委员会 → X县委 (the party committee, or 政协 after the rule above); 管理委员会 keeps its 会.
  [/(省|市|州|县|区|旗|盟)委员会/gu, '$1委'],
];

/**
 * Traditional characters that occur in unit names, with their simplified forms: mirror sites
 * republish reports converted to traditional script (遂溪縣水務局).
 */
const TRADITIONAL =
  '縣县區区務务衛卫會会員员黨党國国農农業业華华長长東东門门發发開开關关廣广鄉乡鎮镇機机構构財财稅税審审計计監监質质資资' +
  '產产環环護护劃划體体導导處处學学醫医藥药險险節节辦办廳厅設设總总執执幹干鐵铁運运輸输車车馬马龍龙雲云陽阳陰阴齊齐濟济' +
  '遼辽寧宁蘇苏贛赣豐丰鄭郑廈厦漢汉灣湾臺台萬万團团統统戰战組组織织傳传紀纪檢检聯联殘残婦妇僑侨軍军勞劳動动場场規规園园' +
  '橋桥線线電电氣气熱热與与為为實实際际糧粮儲储備备絡络網网訊讯類类營营邊边貴贵溫温義义興兴飛飞協协黃黄價价術术歷历' +
  '檔档圖图書书報报鄰邻條条據据圍围區区勝胜雙双壩坝場场礦矿煙烟漁渔蘭兰廠厂廣广濱滨灘滩陝陕劉刘楊杨趙赵湯汤葉叶戶户' +
  '務务員员評评價价紅红綠绿藍蓝輝辉陸陆億亿態态發发畫画庫库專专區区';
const TRADITIONAL_MAP = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2) TRADITIONAL_MAP.set(TRADITIONAL[i]!, TRADITIONAL[i + 1]!);
const TRADITIONAL_PATTERN = new RegExp(`[${[...TRADITIONAL_MAP.keys()].join('')}]`, 'gu');

const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东',
  '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏',
  '宁夏', '新疆',
];

/** A county-level designator at the end of a place name. */
const COUNTY_DESIGNATOR = /(县|市|区|旗)$/u;

/** The name as stated with only width and whitespace folded: what a split (name alias) matches. */
export function compactDepartmentName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * The name written in one canonical spelling, for display and matching: full-width forms folded,
 * whitespace dropped, brackets unified to (), traditional characters simplified, a trailing
 * 本级/(本级)/机关本级 dropped, organs written short (中国共产党 → 中共, X县委员会 → X县委) and
 * autonomous areas written without nationalities (寻甸回族彝族自治县 → 寻甸县).
 */
export function canonicalDepartmentName(name: string): string {
  let n = compactDepartmentName(name);
  n = n.replace(/[【〔［\[｛{〖]/gu, '(').replace(/[】〕］\]｝}〗]/gu, ')');
  n = n.replace(TRADITIONAL_PATTERN, (c) => TRADITIONAL_MAP.get(c) ?? c);
  n = n.replace(/^["'“《]+|["'”》:：,，。;；]+$/gu, '');
  // 本级 names the department's own budget unit, as opposed to the department with its subordinates.
  for (;;) {
    const next = n.replace(/\(?(?:机关)?本级\)?$/u, '');
    if (next === n) break;
    n = next;
  }
  for (const [pattern, replacement] of ORGAN_ABBREVIATIONS) n = n.replace(pattern, replacement);
  for (const [full, short] of AUTONOMOUS_REGIONS) n = n.replaceAll(full, short);
  n = n.replace(AUTONOMOUS_AREA, '$1');
  return n;
}

/** A region name in canonical spelling (寻甸回族彝族自治县 → 寻甸县, 广西壮族自治区 → 广西). */
export function canonicalPlace(place: string | null | undefined): string | null {
  if (!place) return null;
  const canonical = canonicalDepartmentName(place);
  return canonical === '' ? null : canonical;
}

function stripPrefix(text: string, prefixes: Array<string | null>): string | null {
  for (const prefix of prefixes) if (prefix && text.startsWith(prefix) && text.length > prefix.length) return text.slice(prefix.length);
  return null;
}

/** 广东省 → [广东省, 广东]; 广西 → [广西]; 北京市 → [北京市, 北京]. */
function provinceForms(region: DepartmentRegion, name: string): string[] {
  const forms: string[] = [];
  const stated = canonicalPlace(region.province);
  const short = stated?.replace(/(?:省|市)$/u, '') ?? PROVINCES.find((p) => name.startsWith(p));
  if (stated) forms.push(stated);
  if (short) forms.push(`${short}省`, `${short}市`, short);
  return forms;
}

/**
 * The match key of a department: its canonical name (see `canonicalDepartmentName`) reduced so that
 * spellings of one unit agree —
 *  - a leading 中共 is dropped (中共寻甸县委办公室 ↔ 寻甸县委办公室);
 *  - the leading place chain is cut to its most specific level: the province goes when a city of the
 *    region follows, the city goes when the region's county follows (广东省广州市花都区… → 花都…);
 *  - the region's county loses its designator 县/市/区/旗 (寻甸县 → 寻甸), so that a county renamed
 *    市 or 区 (撤县设市, 撤县设区) keeps its key. Only the county named in the record's region is
 *    treated so (or, without a region, a leading X县/X旗): 岳阳市财政局 (a city) and 岳阳县财政局
 *    (a county) keep distinct keys.
 * Null when there is no name.
 */
export function departmentKey(name: string | null | undefined, region: DepartmentRegion | null = null): string | null {
  if (!name) return null;
  let key = canonicalDepartmentName(name);
  key = key.replace(/^中共/u, '');
  if (key === '') return null;
  const place: DepartmentRegion = region ?? { province: null, city: null, county: null };
  const city = canonicalPlace(place.city);
  // Without a region, a leading X县/X旗 is unambiguous enough to stand for the county; X市 and X区
  // are not (a prefecture city, 开发区 …), so those need the region.
  const county = canonicalPlace(place.county) ?? /^(?:(?![市县区州旗省盟])[\u4e00-\u9fff]){2,6}(?:县|旗)/u.exec(key)?.[0] ?? null;
  const afterProvince = stripPrefix(key, provinceForms(place, key));
  if (afterProvince !== null && ((city && afterProvince.startsWith(city)) || (county && afterProvince.startsWith(county)))) {
    key = afterProvince;
  }
  if (city && county && city !== county) {
    const afterCity = stripPrefix(key, [city]);
    if (afterCity !== null && afterCity.startsWith(county)) key = afterCity;
  }
  if (county && key.startsWith(county) && key.length > county.length) {
    const root = county.replace(COUNTY_DESIGNATOR, '');
    // A one-character root (横县) is too short to stand alone.
    if (root !== county && Array.from(root).length >= 2) key = root + key.slice(county.length);
  }
  return key;
}
