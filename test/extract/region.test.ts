import { describe, expect, it } from 'vitest';
import { fillRegionFromMentions, placeRunEnds, placesMentioned, regionOf, regionOfMentions } from '../../src/extract/region.js';

describe('regionOf: a city match wrapped in other words', () => {
  it('reads the prefecture the gazetteer knows inside the match', () => {
    expect(regionOf('欢迎来到泸州市中医医院')).toMatchObject({ province: '四川省', city: '泸州市' });
    expect(regionOf('西藏昌都市财政局')).toMatchObject({ province: '西藏自治区', city: '昌都市' });
    expect(regionOf('录赣州市沙河中心小学')).toMatchObject({ city: '赣州市' });
  });
  it('reads a county of the prefecture named after it', () => {
    expect(regionOf('攀枝花市西区第一幼儿园')).toEqual({ province: '四川省', city: '攀枝花市', county: '西区' });
    expect(regionOf('临沧市生态环境局云县分局')).toEqual({ province: '云南省', city: '临沧市', county: '云县' });
    // 东区 is a 攀枝花 county, not a 临沧 one.
    expect(regionOf('临沧市生态环境局东区分局')).toEqual({ province: '云南省', city: '临沧市', county: null });
    expect(regionOf('西区动物疫病预防控制中心').county).toBeNull();
  });
  it('reads counties made or renamed since the generated list, and districts named like a zone', () => {
    expect(regionOf('无为市襄安镇')).toEqual({ province: '安徽省', city: '芜湖市', county: '无为市' });
    expect(regionOf('横州市教育局')).toEqual({ province: '广西壮族自治区', city: '南宁市', county: '横州市' });
    expect(regionOf('张家口市下花园区财政局')).toEqual({ province: '河北省', city: '张家口市', county: '下花园区' });
    // The old name stays for earlier years' reports.
    expect(regionOf('无为县财政局')).toEqual({ province: '安徽省', city: '芜湖市', county: '无为县' });
  });
  it('reads no county-level city the gazetteer does not know: a word cut at 市', () => {
    expect(regionOf('内蒙古自治区乌海市住房市场服务中心')).toEqual({ province: '内蒙古自治区', city: '乌海市', county: null });
    expect(regionOf('岳阳市汨罗市财政局')).toEqual({ province: '湖南省', city: '岳阳市', county: '汨罗市' });
  });
  it('reads no county in a zone the gazetteer does not list as one (t702), but keeps the zones it does', () => {
    expect(regionOf('岳阳市南湖新区民政局')).toEqual({ province: '湖南省', city: '岳阳市', county: null });
    expect(regionOf('上海市浦东新区财政局')).toEqual({ province: '上海市', city: null, county: '浦东新区' });
    expect(regionOf('株洲市天元区财政局')).toEqual({ province: '湖南省', city: '株洲市', county: '天元区' });
  });
});

describe('placesMentioned', () => {
  it('reads a run of names as one place and skips two-character names standing alone', () => {
    expect(placesMentioned('昭通市大关县天星镇中心卫生院')).toEqual([{ province: '云南省', city: '昭通市', county: '大关县' }]);
    expect(placesMentioned('做好相应县级工作')).toEqual([]);
  });
  it('drops a name that is two places', () => {
    expect(placesMentioned('朝阳区文化馆')).toEqual([]);
    expect(placesMentioned('北京市朝阳区文化馆')).toEqual([{ province: '北京市', city: null, county: '朝阳区' }]);
  });
});

describe('regionOfMentions', () => {
  it('takes the deepest place a cited superior and the unit share', () => {
    expect(regionOfMentions('根据《四川省财政厅关于…》,芦山县水务投资有限公司作为项目业主')).toEqual({ province: '四川省', city: '雅安市', county: '芦山县' });
  });
  it('stops where the places branch: a city names two of its counties', () => {
    expect(regionOfMentions('下达达州市资金,下达我市宣汉县文化馆,万源市传承人')).toEqual({ province: '四川省', city: '达州市', county: null });
  });
  it('lets a lone two-character county show a branch, never place a report', () => {
    expect(regionOfMentions('下达我市宣汉县文化馆2万元,渠县传承人')).toEqual({ province: '四川省', city: '达州市', county: null });
    expect(regionOfMentions('渠县传承人')).toEqual({ province: null, city: null, county: null });
    // 和县 (安徽) glued to 书记 is a word's end, not a branch of 怀远县.
    expect(regionOfMentions('怀远县2021年度报告,县委副书记和县政府')).toMatchObject({ province: '安徽省', county: '怀远县' });
  });
  it('abstains on two provinces', () => {
    expect(regionOfMentions('云南省财政厅 贵州省财政厅')).toEqual({ province: null, city: null, county: null });
  });
});

describe('fillRegionFromMentions', () => {
  it('does not take a county below a known prefecture', () => {
    expect(fillRegionFromMentions({ province: '四川省', city: '达州市', county: null }, '宣汉县文化馆')).toEqual({ province: '四川省', city: '达州市', county: null });
  });
  it('does not mix a place that contradicts the unit', () => {
    expect(fillRegionFromMentions({ province: '云南省', city: null, county: null }, '芦山县水务投资有限公司')).toEqual({ province: '云南省', city: null, county: null });
  });
  it('fills an empty region', () => {
    expect(fillRegionFromMentions({ province: null, city: null, county: null }, '金寨县麻埠镇人民政府')).toEqual({ province: '安徽省', city: '六安市', county: '金寨县' });
  });
});

describe('placeRunEnds and the opening scan (indexed by two characters)', () => {
  it('reads a run longest name first and stops at the text end', () => {
    expect(placeRunEnds('随州市曾都区河道')).toEqual([3, 6]);
    expect(placeRunEnds('随州市')).toEqual([3]);
    expect(placeRunEnds('随')).toEqual([]);
    expect(placeRunEnds('')).toEqual([]);
  });
  it('reads a name that ends the opening, not one cut by it', () => {
    const pad = '的'.repeat(1996);
    expect(placesMentioned(`${pad}四川省`)).toEqual([{ province: '四川省', city: null, county: null }]);
    expect(placesMentioned(`${pad}的的四川省`)).toEqual([]);
  });
});

describe('regionOf: provinces by their short names (issue 15)', () => {
  it('reads a short name at the head of a unit as the full name', () => {
    expect(regionOf('宁夏林业和草原局')).toEqual({ province: '宁夏回族自治区', city: null, county: null });
    expect(regionOf('广西农业农村厅')).toEqual({ province: '广西壮族自治区', city: null, county: null });
    expect(regionOf('内蒙古乌海市住房保障中心')).toMatchObject({ province: '内蒙古自治区', city: '乌海市' });
    expect(regionOf('新疆生产建设兵团')).toMatchObject({ province: '新疆维吾尔自治区' });
    expect(regionOf('西藏文化厅')).toMatchObject({ province: '西藏自治区' });
    expect(regionOf('湖北交通职业技术学院')).toEqual({ province: '湖北省', city: null, county: null });
    expect(regionOf('中共海南博鳌乐城国际医疗旅游先行区工委')).toMatchObject({ province: '海南省' });
    expect(regionOf('黑龙江农垦总局')).toMatchObject({ province: '黑龙江省' });
    // 宁夏区, 广西自治区: a short name with its level word is the region, and no county.
    expect(regionOf('宁夏自治区财政厅')).toEqual({ province: '宁夏回族自治区', city: null, county: null });
    expect(regionOf('广西区财政厅')).toEqual({ province: '广西壮族自治区', city: null, county: null });
  });
  it('keeps the place a longer gazetteer name starting with a short name is', () => {
    expect(regionOf('海南区财政局')).toEqual({ province: '内蒙古自治区', city: '乌海市', county: '海南区' });
    expect(regionOf('河北区教育局')).toEqual({ province: '天津市', city: null, county: '河北区' });
    expect(regionOf('河南县财政局')).toMatchObject({ province: '青海省', county: '河南县' });
    expect(regionOf('海南州财政局')).toMatchObject({ province: '青海省', city: '海南州' });
    expect(regionOf('吉林市财政局')).toMatchObject({ province: '吉林省', city: '吉林市' });
  });
  it('takes no short name that is also a city or a street, nor one inside a name', () => {
    // 吉林 is also 吉林市; 上海, 北京 head streets and schools (上海路小学 is anywhere).
    expect(regionOf('吉林财政厅').province).toBeNull();
    expect(regionOf('上海路小学').province).toBeNull();
    expect(regionOf('北京路街道办事处').province).toBeNull();
    // Only at the head: "驻湖北办事处" is not placed in 湖北省.
    expect(regionOf('驻湖北办事处').province).toBeNull();
    // One-character forms are no province: 湘 starts 湘西, 鄂 starts 鄂州.
    expect(regionOf('湘江新区管委会').province).toBeNull();
  });
});

describe('regionOf: development zones within their city (issue 15)', () => {
  it('places a zone named after its city in that city, not a county', () => {
    expect(regionOf('海口国家高新区管委会')).toEqual({ province: '海南省', city: '海口市', county: null });
    expect(regionOf('海南省海口国家高新区管委会')).toEqual({ province: '海南省', city: '海口市', county: null });
    expect(regionOf('海口市国家高新区管委会')).toEqual({ province: '海南省', city: '海口市', county: null });
    expect(regionOf('兰州新区管委会')).toEqual({ province: '甘肃省', city: '兰州市', county: null });
    expect(regionOf('长沙经开区管委会')).toEqual({ province: '湖南省', city: '长沙市', county: null });
    expect(regionOf('宜昌高新技术产业开发区管委会')).toEqual({ province: '湖北省', city: '宜昌市', county: null });
  });
  it('keeps the 新区 that are counties, and names no city for a zone of no known city', () => {
    expect(regionOf('天津市滨海新区财政局')).toEqual({ province: '天津市', city: null, county: '滨海新区' });
    expect(regionOf('上海市浦东新区财政局')).toEqual({ province: '上海市', city: null, county: '浦东新区' });
    expect(regionOf('湘江新区管委会').city).toBeNull();
    expect(regionOf('高新区管委会')).toEqual({ province: null, city: null, county: null });
    // 兰州 is in 甘肃省: "海南省兰州新区" names no city of 海南省.
    expect(regionOf('海南省兰州新区管委会')).toEqual({ province: '海南省', city: null, county: null });
  });
  it('starts a place run at a zone named after its city, not at a short province name', () => {
    expect(placeRunEnds('海口国家高新区管委会')).toEqual([7]);
    expect(placeRunEnds('海南省海口国家高新区管委会')).toEqual([3, 10]);
    // A unit's short province does not make it a gazetteer name: "西藏驻沪办" is a byline's alias.
    expect(placeRunEnds('宁夏林业和草原局')).toEqual([]);
  });
});
