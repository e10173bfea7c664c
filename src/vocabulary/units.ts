/**
 * What a department's (reporting unit's) name is made of: an organ suffix (局 委 办 厅 院 中心 站 所
 * 校 镇 街道 乡 …) after a region prefix. A project or a fund is not a unit; a finance bureau, a
 * government office or a portal publishes for other units, so a byline naming one says nothing about
 * who reports.
 */

/** Organ words a unit's name ends with (longest first where one extends another). */
export const ORGAN_SUFFIXES: readonly string[] = [
  '街道办事处', '委员会', '联合会', '办公室', '人民政府', '卫生院', '幼儿园', '学校', '党校', '中学', '小学', '大学', '学院',
  '中心校', '中心', '电视台', '政府', '街道', '残联', '分局', '监狱', '医院', '公司', '集团',
  '局', '委', '办', '院', '会', '所', '站', '队', '部', '厅', '署', '处', '馆', '团', '社', '室', '镇', '乡', '场', '园',
];
/** A unit's name ends with an organ word. */
export const ORGAN_END = new RegExp(`(?:${ORGAN_SUFFIXES.join('|')})$`, 'u');
/** What may follow the organ word: a second name in brackets ("…党校(湖南行政学院)"), the budget level ("…局本级"), its offices ("…局机关"). */
export const AFTER_ORGAN = /(?:[（(][^（）()]*[）)]|本级|机关)$/u;
/**
 * Organ words that end a unit's name for sure: "城乡" ends with 乡 but names no township. Courts and procuratorates,
 * halls of records and culture, the Red Cross and law-enforcement brigades report too ("呼和浩特市中级人民法院",
 * "丽水市文化馆", "临沧市红十字会", "洪江市交通运输综合行政执法大队"); a bare 馆, 院 or 队 is also a building, a yard
 * or a team. (A 供销合作社联合社 stays weak: its byline short form 供销社 must not outweigh a form's 实施单位 cell.)
 */
export const STRONG_ORGAN_END =
  /(?:局|厅|委员会|委|办公室|中心校|中心|学校|党校|中学|小学|幼儿园|医院|卫生院|保健院|人民政府|街道办事处|联合会|残联|管理处|管理站|大学|学院|指挥部|电视台|法院|检察院|研究院|(?:档案|图书|文化|博物|纪念|科技|美术)馆|红十字会|(?:大|支|总)队|办事处|联络处|总站)$/u;
/** Longer organ words that extend a shorter unit: 人民政府 + 办公室, 财政局 + 分局 … */
export const ORGAN_EXTENSION = /^(?:办公室|委员会|办事处|分局|中心|服务中心|管理处|管理站|管理所|服务站)$/u;
/** Units that publish for others (finance bureaus, governments, portals): their bylines name no reporting unit. */
export const PUBLISHER_FOR_OTHERS = /财政|人民政府|政府办(?:公室)?|网站|门户/u;
/**
 * A finance bureau: it publishes for others, but also reports on the money it runs itself (农业保险保费补贴,
 * its key-project evaluations); its byline is a weak witness, not none.
 */
export const FINANCE_BUREAU = /财政(?:局|厅)$/u;
/** A government's office stationed elsewhere ("西藏自治区人民政府驻上海办事处"): a unit of its own, no publisher for others. */
export const LIAISON_OFFICE = /人民政府驻[\u4e00-\u9fff]{1,12}?(?:办事处|联络处)$/u;
/** A section's name that names no unit by itself ("来源:办公室", "来源:财务处"). */
export const GENERIC_SECTION = /^(?:办公室|办公厅|政府办|综合办|财务(?:处|科|股|室)|综合(?:处|科|股)|信息中心|宣传(?:处|科)|机关)$/u;
/**
 * Short forms a byline uses for a unit whose name says otherwise: "市人社" (人力资源和社会保障局, not a 社),
 * "西藏驻沪办" (…人民政府驻上海办事处). Read alone, they name no unit as labelled.
 */
export const SHORT_FORM_UNIT = /驻[\u4e00-\u9fff]{1,2}办$|(?<!合作|报|出版|旅行|杂志)社$/u;
/** Building works a project title puts after what it builds: "…农村幼儿园提升改造项目", "…卫生院迁建工程". */
export const CONSTRUCTION_WORK = /^(?:提升改造|改扩建|新建|扩建|迁建|改造|维修|修缮|装修|建设)/u;
/** A stamp note after a unit's name where a form or a signature is stamped: "甲县水利局(盖章)", "甲县水利局公章". */
export const STAMP_NOTE = /\s*[（(]?(?:盖章|公章|签章|印章|章)[）)]$|\s*(?:盖章|公章|签章|印章)$/u;
/** Cells of a form's header that name a person, not a unit: what follows a unit's name glued to them. */
export const PERSON_FIELD = /负责人|填表人|填报人|经办人|审核人|联系人|签字/u;
/** Uploader and document-site boilerplate ("请进行举报或认领文档简介仁兴镇小学"). */
export const SITE_BOILERPLATE = /举报|认领|文档|下载|简介|会员|浏览|点击/u;
/** Words of a fund or a project: "城乡居民医疗保险补助资金" names no unit ("湖北工程学院", "食品工程学校" do). */
export const FUND_IN_NAME = /资金|经费|补助|补贴|专项|项目(?!管理|服务|办)|工程(?!局|处|公司|中心|学校|学院|大学|职业|技术)|计划/u;
/**
 * A village's or a neighbourhood's committee (村委会, 村民委员会, 社区居委会): self-governing, with no budget of
 * its own; a project title opens with one as the site of the works ("…三村村委会大鱼塘示范村提质增效项目").
 */
export const VILLAGE_COMMITTEE = /(?:村|社区|居)(?:民)?(?:委员会|委会|委)$/u;
/** Latin letters in a name: a file name's "111.jpg)", a spam mirror's "www" glued before it; no unit's name has them. */
export const LATIN_IN_NAME = /[A-Za-z]/u;
/** A template's placeholder: "XX年度XX市红十字会". */
export const PLACEHOLDER = /[XxＸ×]{2}|\*{2}|＊/u;

/**
 * Units of land, livestock and length that a money unit never runs straight into: "42.59万元亩" is
 * 万亩 with a stray 元 (t078), "万元/亩" has its slash. 亩均/亩产 open a new word ("…万元亩均增收").
 */
export const MONEY_GLUED_MEASURE = /(?:万元|亿元|元)(?:亩(?![均产])|公顷|平方米|公里)/u;

/**
 * How a report speaks of its own unit when that unit is an institution, not a bureau: "我校", "我院", "我园",
 * "我站", "我所", "我馆", "我中心". A school's report on its county bureau's page says 我校 (t807).
 */
export const INSTITUTION_SELF = /我(?:校|院(?![士长])|园|站|馆|中心)|我所(?![在属有以长])/u;
/** How a bureau's report speaks of itself: "我局", "我厅", "我委", "我办". */
export const BUREAU_SELF = /我(?:局|厅|委|办)/u;
/** A bureau's name (a page's publisher as a county site prints it): "昌宁县教育体育局", "甲县卫生健康委员会". */
export const BUREAU_NAME = /(?:局|厅|委|委员会)$/u;
/** A township's government: "金寨县麻埠镇人民政府", "阿拉善左旗乌力吉苏木人民政府" (it publishes for itself, not for others). */
export const TOWNSHIP_GOVERNMENT = /(?:乡|镇|苏木)人民政府$/u;
