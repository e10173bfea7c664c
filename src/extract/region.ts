/**
 * A region (province, city, county) from a unit's name or a title, and the gazetteer's help: the
 * levels above a named place, and where a run of place names ends ("随州市曾都区…").
 */
import type { Region } from '../schema/record.js';
import {
  COUNTIES,
  COUNTY_LEVEL_CITIES,
  DEVELOPMENT_ZONE,
  MUNICIPALITIES,
  NOT_COUNTY_NAMES,
  PREFECTURES,
  PROVINCE_SHORT_NAMES,
  PROVINCES,
  shortNameOf,
} from '../vocabulary/regions.js';

/** Each province's name written as a 省 ("广西壮族自治区" → "广西省"), as PROVINCES lists them: made once, not per call. */
const PROVINCE_AS_SHENG: readonly string[] = PROVINCES.map((p) => p.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/u, '') + '省');

/** How the names of development and administered zones end: 新区, 开发区, 管理区, 园区, 度假区, 示范区 … */
const ZONE_END = /(?:新区|开发区|管理区|园区|度假区|风景区|名胜区|示范区|试验区|实验区|保税区|合作区)$/u;

/** Region named inside a unit's name or title: 广东省 / 广州市 / 花都区. */
export function regionOf(text: string): Region {
  const region: Region = { province: null, city: null, county: null };
  let rest = text.replace(/^(?:(?:19|20)\d{2}\s*年度?)/u, '').replace(/^(?:中共|中国共产党|共青团)/u, '');
  const province = PROVINCES.find((p, i) => rest.includes(p) || rest.includes(PROVINCE_AS_SHENG[i]!));
  const short = province ? null : provinceShortAt(rest);
  if (province) {
    region.province = province;
    rest = rest.slice(rest.indexOf(province.slice(0, 2)) + province.length);
  } else if (short) {
    region.province = PROVINCE_SHORT_NAMES.get(short)!;
    rest = rest.slice(short.length);
  }
  // A municipality (北京市, 重庆市 …) has no prefecture level: its districts are counties, its city null.
  if (!region.province || !MUNICIPALITIES.has(region.province)) {
    // A city's name holds no 县/区: "安居区市场监管局" names no city "安居区市".
    const city = /^[^市县区州盟]{0,8}?((?:(?![县区])[\u4e00-\u9fff]){2,6}?(?:市|自治州|州|地区|盟))/u.exec(rest);
    if (city && !/^(?:城市|全市|本市)$/u.test(city[1]!)) {
      const name = knownCityIn(rest.slice(0, city[0].length + 1)) ?? city[1]!;
      // "耒阳市第四中学": a county-level city is the county; the gazetteer knows its prefecture.
      const countyLevel = COUNTY_LEVEL_CITIES.get(name);
      if (countyLevel) {
        region.county = name;
        region.city = countyLevel.city;
        region.province ??= countyLevel.province;
        return region;
      }
      region.city = name;
      rest = rest.slice(rest.indexOf(name) + name.length);
    }
  }
  // "海口国家高新区管委会": a zone named after its city lies in it, and is no county.
  const zone = region.city ? null : zoneAt(rest);
  // (A city of another province is no reading of the name: the zone then places nothing.)
  const zoneCity = zone && (!region.province || PREFECTURES.get(zone.city) === region.province) ? zone.city : null;
  if (zoneCity) {
    region.city = zoneCity;
    region.province ??= PREFECTURES.get(zoneCity) ?? null;
  }
  if (DEVELOPMENT_ZONE.test(rest) || zone) return completeRegion(region);
  // One-character names exist only for counties (横县, 萧县): "城市管理…" is not a county.
  const county = /^([\u4e00-\u9fff]{2,8}?自治[县旗]|[\u4e00-\u9fff]{2,4}?(?:县|区|旗|市)|[\u4e00-\u9fff]县)/u.exec(rest);
  // A 县级市 the gazetteer does not know is a word cut at 市: "乌海市住房市场服务中心" names no 住房市.
  const unknownCity = (name: string) => name.endsWith('市') && !COUNTIES.has(name);
  // A zone the gazetteer does not list as a county ("岳阳市南湖新区", "X经济开发区") is administered by its
  // city, not a county of GB/T 2260 (浦东新区, 滨海新区 are, and the gazetteer knows them).
  const unknownZone = (name: string) => ZONE_END.test(name) && !COUNTIES.has(name);
  if (county && county[1]!.length >= 2 && !NOT_COUNTY_NAMES.test(county[1]!) && !unknownCity(county[1]!) && !unknownZone(county[1]!)) region.county = county[1]!;
  else if (region.city) region.county = countyOfCityUnit(rest, region.city);
  return completeRegion(region);
}

/**
 * The short name of a province or autonomous region `text` starts with ("宁夏林业和草原局" → 宁夏);
 * null when a longer gazetteer name starts there: 海南区 (乌海市), 海南州, 河北区 (天津市), 河南县 are
 * those places, not the provinces.
 */
function provinceShortAt(text: string): string | null {
  const short = text.slice(0, 3) === '内蒙古' || text.slice(0, 3) === '黑龙江' ? text.slice(0, 3) : text.slice(0, 2);
  if (!PROVINCE_SHORT_NAMES.has(short)) return null;
  const longer = placeNameAt(text, 0, text.length);
  return longer && longer.length > short.length ? null : short;
}

/** A 地级市 by its name without 市 (海口 → 海口市): a development zone's name starts with it. */
const CITY_BY_SHORT_NAME: ReadonlyMap<string, string> = new Map(
  [...PREFECTURES.keys()].filter((c) => c.endsWith('市') && c.length >= 3).map((c) => [c.slice(0, -1), c] as const),
);

/** The city a development zone at the start of `text` is named after ("海口国家高新区…" → 海口市), and the zone's length. */
function zoneAt(text: string): { city: string; length: number } | null {
  for (const length of [3, 2]) {
    const city = CITY_BY_SHORT_NAME.get(text.slice(0, length));
    const zone = city ? DEVELOPMENT_ZONE.exec(text.slice(length)) : null;
    if (city && zone) return { city, length: length + zone[0].length };
  }
  return null;
}

/**
 * A county of a known prefecture where a unit's name states it after the prefecture: one character
 * before 区 ("攀枝花市西区…": 西区 alone is a word), or a prefecture's bureau's county branch
 * ("临沧市生态环境局云县分局"). Only names the gazetteer places in that prefecture.
 */
function countyOfCityUnit(rest: string, city: string): string | null {
  const inCity = (name: string) => (COUNTIES.get(name) ?? []).some((p) => p.city === city || (p.city && shortNameOf(p.city) === city));
  const m = /^([\u4e00-\u9fff]区)/u.exec(rest) ?? /^[\u4e00-\u9fff]{2,12}?(?:局|委员会|委)([\u4e00-\u9fff]{1,8}?(?:县|区|旗|市))分局/u.exec(rest);
  return m && inCity(m[1]!) ? m[1]! : null;
}

/**
 * The first prefecture or 县级市 the gazetteer knows in `text`: what a city match wrapped in other
 * words means ("欢迎来到泸州市…" → 泸州市, "西藏昌都市" → 昌都市); null when it knows none.
 */
function knownCityIn(text: string): string | null {
  for (let at = 0; at < text.length; at++) {
    const name = cityNameAt(text, at);
    if (name) return name;
  }
  return null;
}

/**
 * The levels above a named county or prefecture, from the gazetteer: 紫金县 → 河源市, 广东省. Only
 * when the name is one place (or one place within the levels already known): 朝阳区 alone names two.
 */
export function completeRegion(region: Region): Region {
  if (region.county) {
    const places = (COUNTIES.get(region.county) ?? []).filter(
      (p) => (!region.province || p.province === region.province) && (!region.city || p.city === region.city),
    );
    if (places.length === 1) {
      region.city ??= places[0]!.city;
      region.province ??= places[0]!.province;
    }
  }
  if (region.city && !region.province) region.province = PREFECTURES.get(region.city) ?? null;
  return region;
}

/**
 * Gazetteer names by their first character, then their second (UTF-16 codes), longest first: runs
 * of places are read at every character of an opening, and a first character alone (大, 长, 东…)
 * leads to up to 54 names. Every name has two characters or more.
 */
const PLACES_BY_PREFIX: ReadonlyMap<number, ReadonlyMap<number, readonly string[]>> = (() => {
  const map = new Map<number, Map<number, string[]>>();
  for (const name of new Set([...PROVINCES, ...PREFECTURES.keys(), ...COUNTIES.keys()])) {
    const first = map.get(name.charCodeAt(0)) ?? new Map<number, string[]>();
    map.set(name.charCodeAt(0), first);
    first.set(name.charCodeAt(1), [...(first.get(name.charCodeAt(1)) ?? []), name]);
  }
  for (const first of map.values()) for (const names of first.values()) names.sort((a, b) => b.length - a.length);
  return map;
})();

/** A slot of PREFIX_FILTER for two UTF-16 codes. */
const prefixSlot = (first: number, second: number): number => (Math.imul(first, 0x9e37) + second) & 0xffff;

/**
 * 1 at the slot of every gazetteer name's first two characters: most characters of an opening start
 * no name, and a typed array answers that faster than PLACES_BY_PREFIX's two maps (a few in a
 * hundred slots are shared by another pair; the maps then say no).
 */
const PREFIX_FILTER: Uint8Array = (() => {
  const filter = new Uint8Array(0x10000);
  for (const [first, byFirst] of PLACES_BY_PREFIX) for (const second of byFirst.keys()) filter[prefixSlot(first, second)] = 1;
  return filter;
})();

/** The gazetteer names that start with the two characters at `at` of `text`, longest first. */
function namesAt(text: string, at: number): readonly string[] | undefined {
  const first = text.charCodeAt(at);
  const second = text.charCodeAt(at + 1);
  // NaN past the end: slot 0 by `& 0xffff`, and the maps hold no NaN key.
  if (PREFIX_FILTER[prefixSlot(first, second)] === 0) return undefined;
  return PLACES_BY_PREFIX.get(first)?.get(second);
}

/** The longest gazetteer name at `at` of `text` that ends by `end`; undefined when none. */
function placeNameAt(text: string, at: number, end: number): string | undefined {
  if (at + 2 > end) return undefined;
  const names = namesAt(text, at);
  if (!names) return undefined;
  for (const n of names) if (at + n.length <= end && text.startsWith(n, at)) return n;
  return undefined;
}

/** The first prefecture or 县级市 name at `at`, longest first. */
function cityNameAt(text: string, at: number): string | undefined {
  for (const n of namesAt(text, at) ?? []) if (text.startsWith(n, at) && (PREFECTURES.has(n) || COUNTY_LEVEL_CITIES.has(n))) return n;
  return undefined;
}

/**
 * The ends of the run of gazetteer places that `text` starts with ("随州市曾都区河道…" → [3, 6]),
 * longest name first at each step; empty when it starts with none.
 */
export function placeRunEnds(text: string): number[] {
  // A unit's name may start with its province's short name ("宁夏林业和草原局") and name a city's
  // development zone ("海口国家高新区"); texts' openings (mentionsIn) are read by full names only.
  const ends = placeRunEndsIn(text, 0, text.length);
  const at = ends.at(-1) ?? 0;
  const zone = zoneAt(text.slice(at));
  if (zone) ends.push(at + zone.length);
  return ends;
}

/** placeRunEnds of `text.slice(start, end)` without the slice: ends counted from `start`. */
function placeRunEndsIn(text: string, start: number, end: number): number[] {
  const ends: number[] = [];
  let at = start;
  for (;;) {
    const name = placeNameAt(text, at, end);
    if (!name) return ends;
    at += name.length;
    ends.push(at - start);
  }
}

/** Every place a gazetteer name can be, as a path from its province down (朝阳区 → two paths). */
function placesNamed(name: string): Region[] {
  if (PROVINCES.includes(name)) return [{ province: name, city: null, county: null }];
  const province = PREFECTURES.get(name);
  if (province) return [{ province, city: name, county: null }];
  return (COUNTIES.get(name) ?? []).map((p) => ({ province: p.province, city: p.city, county: name }));
}

/**
 * The one place a run of names ("昭通市大关县", "上海市普陀区") is, each name read within the ones
 * before it; null when a name is ambiguous there or contradicts them.
 */
function placeOfRun(names: readonly string[]): Region | null {
  let place: Region = { province: null, city: null, county: null };
  for (const name of names) {
    const fits = placesNamed(name).filter(
      (p) => (!place.province || p.province === place.province) && (!place.city || !p.city || p.city === place.city || p.city === name),
    );
    if (fits.length !== 1) return null;
    const fit = fits[0]!;
    place = { province: fit.province, city: fit.city ?? place.city, county: fit.county ?? place.county };
  }
  return place;
}

/**
 * Two-character county names are also words or parts of words (应县 in 相应县, 献县 in 贡献县, 西区):
 * alone they are no mention; after their prefecture in one run they are.
 */
const isWordlikeName = (name: string): boolean => name.length <= 2;

/** A prefecture's short form → its full name (红河州 → 红河哈尼族彝族自治州): one place, two spellings. */
const FULL_PREFECTURE: ReadonlyMap<string, string> = new Map(
  [...PREFECTURES.keys()].flatMap((full) => {
    const short = shortNameOf(full);
    return short ? [[short, full] as const] : [];
  }),
);

/** One spelling of a prefecture (its full name) to compare two mentions by. */
const canonicalCity = (city: string): string => FULL_PREFECTURE.get(city) ?? city;

/** How far into a text places are read: the opening names the unit and its superiors. */
const OPENING_CHARS = 2000;

/** A place the opening names; `wordlike` when it is a lone two-character name (see isWordlikeName). */
interface Mention {
  place: Region;
  wordlike: boolean;
}

/** Every run of gazetteer names in `text`'s opening read as one place (placeOfRun). */
function mentionsIn(text: string): Mention[] {
  const opening = text.slice(0, OPENING_CHARS);
  const mentions: Mention[] = [];
  for (let at = 0; at < opening.length; ) {
    const end = Math.min(at + 40, opening.length);
    // Most characters start no name: no array for them.
    if (!placeNameAt(opening, at, end)) {
      at++;
      continue;
    }
    const ends = placeRunEndsIn(opening, at, end);
    const start = at;
    // A plain loop, no closure: a closure over a variable of this loop's body made V8 allocate the
    // body's scope at every character of the opening (160 KB per text, 10% of the analysis' garbage).
    const names: string[] = [];
    for (let i = 0; i < ends.length; i++) names.push(opening.slice(start + (i === 0 ? 0 : ends[i - 1]!), start + ends[i]!));
    at += ends.at(-1)!;
    const place = placeOfRun(names);
    const wordlike = names.length === 1 && isWordlikeName(names[0]!);
    // "县委副书记和县政府": a two-character name glued to a word is no mention at all.
    if (place && !(wordlike && /[\u4e00-\u9fff]/u.test(opening[start - 1] ?? '') && !/[省市州盟]/u.test(opening[start - 1]!))) mentions.push({ place, wordlike });
  }
  return mentions;
}

/**
 * The places named in `text`'s opening, each run of gazetteer names read as one place, with the
 * name each level is written as. Official full names only (四川省, 雅安市, 芦山县, 红河州): short
 * forms such as 四川 or 雅安 are also words.
 */
export function placesMentioned(text: string): Region[] {
  return mentionsIn(text).filter((m) => !m.wordlike).map((m) => m.place);
}

/**
 * The region all places an opening names agree on: the one province they share, the one prefecture
 * (a report of 达州市 names its counties 宣汉县 and 渠县: they branch below it), the one county. A
 * superior cited ("四川省财政厅") sits on the same path and does not branch it. Two provinces: none.
 */
export function regionOfMentions(text: string): Region {
  const all = mentionsIn(text);
  const mentions = all.filter((m) => !m.wordlike).map((m) => m.place);
  const one = (values: (string | null)[]): string | null => {
    const known = [...new Set(values.filter((v): v is string => v !== null))];
    return known.length === 1 ? known[0]! : null;
  };
  const province = one(mentions.map((m) => m.province));
  if (!province) return { province: null, city: null, county: null };
  const cities = mentions.map((m) => m.city);
  const city = one(cities.map((c) => c && canonicalCity(c))) && cities.find(Boolean)!;
  if (!city && cities.some(Boolean)) return { province, city: null, county: null };
  const county = one(mentions.map((m) => m.county));
  // A lone two-character name (渠县 beside 宣汉县) cannot place a report, but within the province it
  // can show the places branch: then the levels it differs at are left empty.
  const branches = all.filter((m) => m.wordlike && m.place.province === province).map((m) => m.place);
  if (city && branches.some((b) => b.city && canonicalCity(b.city) !== canonicalCity(city))) return { province, city: null, county: null };
  if (county && branches.some((b) => b.county !== county)) return { province, city, county: null };
  return { province, city, county };
}

/**
 * Fills the levels of `region` the unit's name left empty from the places the opening names
 * (regionOfMentions), when they agree with what is known: below a known level only when nothing is
 * known (a 市财政局's report names its counties; they are not its region).
 */
export function fillRegionFromMentions(region: Region, text: string): Region {
  const named = regionOfMentions(text);
  if (region.province && named.province !== region.province) return completeRegion(region);
  if (region.city && named.city && canonicalCity(named.city) !== canonicalCity(region.city)) return completeRegion(region);
  if (region.county && named.county && named.county !== region.county) return completeRegion(region);
  const levels = ['province', 'city', 'county'] as const;
  const deepest = levels.reduce((d, level, i) => (region[level] ? i : d), -1);
  levels.forEach((level, i) => {
    if (deepest <= 0 || i < deepest) region[level] ??= named[level];
  });
  return completeRegion(region);
}
