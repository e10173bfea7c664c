/**
 * A region (province, city, county) from a unit's name or a title, and the gazetteer's help: the
 * levels above a named place, and where a run of place names ends ("随州市曾都区…").
 */
import type { Region } from '../schema/record.js';
import { COUNTIES, COUNTY_LEVEL_CITIES, MUNICIPALITIES, PREFECTURES, PROVINCES } from '../vocabulary/regions.js';

/** Region named inside a unit's name or title: 广东省 / 广州市 / 花都区. */
export function regionOf(text: string): Region {
  const region: Region = { province: null, city: null, county: null };
  let rest = text.replace(/^(?:(?:19|20)\d{2}\s*年度?)/u, '').replace(/^(?:中共|中国共产党|共青团)/u, '');
  const province = PROVINCES.find((p) => rest.includes(p) || rest.includes(p.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/u, '') + '省'));
  if (province) {
    region.province = province;
    rest = rest.slice(rest.indexOf(province.slice(0, 2)) + province.length);
  }
  // A municipality (北京市, 重庆市 …) has no prefecture level: its districts are counties, its city null.
  if (!region.province || !MUNICIPALITIES.has(region.province)) {
    // A city's name holds no 县/区: "安居区市场监管局" names no city "安居区市".
    const city = /^[^市县区州盟]{0,8}?((?:(?![县区])[\u4e00-\u9fff]){2,6}?(?:市|自治州|州|地区|盟))/u.exec(rest);
    if (city && !/^(?:城市|全市|本市)$/u.test(city[1]!)) {
      // "耒阳市第四中学": a county-level city is the county; the gazetteer knows its prefecture.
      const countyLevel = COUNTY_LEVEL_CITIES.get(city[1]!);
      if (countyLevel) {
        region.county = city[1]!;
        region.city = countyLevel.city;
        region.province ??= countyLevel.province;
        return region;
      }
      region.city = city[1]!;
      rest = rest.slice(rest.indexOf(city[1]!) + city[1]!.length);
    }
  }
  // One-character names exist only for counties (横县, 萧县): "城市管理…" is not a county.
  const county = /^([\u4e00-\u9fff]{2,8}?自治[县旗]|[\u4e00-\u9fff]{2,4}?(?:县|区|旗|市)|[\u4e00-\u9fff]县)/u.exec(rest);
  if (county && county[1]!.length >= 2 && !/^(?:城区|辖区|市区|本区|全区|全县|本县)$/u.test(county[1]!)) region.county = county[1]!;
  return completeRegion(region);
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

/** Gazetteer names by their first character, longest first: runs of places are read often. */
const PLACES_BY_FIRST: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const name of new Set([...PROVINCES, ...PREFECTURES.keys(), ...COUNTIES.keys()])) map.set(name[0]!, [...(map.get(name[0]!) ?? []), name]);
  for (const names of map.values()) names.sort((a, b) => b.length - a.length);
  return map;
})();

/**
 * The ends of the run of gazetteer places that `text` starts with ("随州市曾都区河道…" → [3, 6]),
 * longest name first at each step; empty when it starts with none.
 */
export function placeRunEnds(text: string): number[] {
  const ends: number[] = [];
  let at = 0;
  for (;;) {
    const name = PLACES_BY_FIRST.get(text[at] ?? '')?.find((n) => text.startsWith(n, at));
    if (!name) return ends;
    at += name.length;
    ends.push(at);
  }
}
