/**
 * Words that decide what a count counts (issue 16: quantities, not words). A count's identity is its
 * subject, its action, its time or scope and its qualifier; two statements are one quantity only when
 * all of these agree. Used by `extract/counts.ts` (what is a count at all) and `check/count-identity.ts`.
 */

/**
 * Subject synonyms: each variant is read as its canonical name (the first of its row). Kept small and
 * explicit (seen in real reports), never guessed by edit distance: 党务干部 and 党务工作者 name the same
 * people in the seed report; 参评单位 and 被评议单位 the same units.
 */
export const SUBJECT_SYNONYMS: readonly (readonly string[])[] = [
  ['党务干部', '党务工作者', '党务工作人员'],
  ['参评单位', '被评议单位', '被评单位', '参评部门'],
  ['党员志愿者', '志愿者党员'],
  ['公务用车', '公车'],
];

/** Canonical tag of a qualifier word, longest words first so 不合格 is never read as 合格. */
export const COUNT_QUALIFIERS: readonly { word: string; tag: string }[] = [
  // a stock at a date versus a flow in the year
  { word: '共有', tag: 'stock' },
  { word: '现有', tag: 'stock' },
  { word: '保有量', tag: 'stock' },
  { word: '实有', tag: 'stock' },
  { word: '在册', tag: 'stock' },
  // planned, not done
  { word: '拟', tag: 'planned' },
  { word: '计划', tag: 'planned' },
  { word: '预计', tag: 'planned' },
  { word: '目标', tag: 'planned' },
  // new in the period
  { word: '新增', tag: 'new' },
  { word: '新建', tag: 'new' },
  { word: '新购', tag: 'new' },
  { word: '购置', tag: 'new' },
  { word: '更新', tag: 'new' },
  // a subset of something stated before
  { word: '其中', tag: 'part' },
  { word: '其他', tag: 'other' },
  { word: '其余', tag: 'other' },
  // over several years
  { word: '累计', tag: 'cumulative' },
  // outcome grades: "不合格的项目0个" is not "项目4个"
  { word: '不合格', tag: 'grade:fail' },
  { word: '不达标', tag: 'grade:fail' },
  { word: '未完成', tag: 'grade:fail' },
  { word: '合格', tag: 'grade:pass' },
  { word: '达标', tag: 'grade:pass' },
  { word: '“优”', tag: 'grade:excellent' },
  { word: '“良”', tag: 'grade:good' },
  { word: '“中”', tag: 'grade:fair' },
  { word: '“差”', tag: 'grade:poor' },
  { word: '优秀', tag: 'grade:excellent' },
  // levels of a hierarchy: 一级项目 7 个 and 二级项目 16 个 are different things
  { word: '一级', tag: 'level:1' },
  { word: '二级', tag: 'level:2' },
  { word: '三级', tag: 'level:3' },
  { word: '省级', tag: 'level:province' },
  { word: '市级', tag: 'level:city' },
  { word: '县级', tag: 'level:county' },
  { word: '区级', tag: 'level:county' },
  // another period
  { word: '上年', tag: 'time:prior' },
  { word: '去年', tag: 'time:prior' },
  { word: '上一年', tag: 'time:prior' },
  { word: '同期', tag: 'time:prior' },
  { word: '上半年', tag: 'time:h1' },
  { word: '下半年', tag: 'time:h2' },
].sort((a, b) => b.word.length - a.word.length);

/**
 * A heading over a report's targets ("一、2021年度绩效目标", "（二）年度目标任务"), not over their
 * results ("二、绩效目标实现情况", "完成情况"): a count under it is planned, so "实施…项目187个" there and
 * "完成…项目191个" under the results are two quantities (t936).
 */
export const TARGET_SECTION_HEADING = /(?:绩效|年度|总体|项目)目标(?:任务)?\s*$/u;

/**
 * Words that state a number as a total or an approximation without changing what is counted
 * (共培训 774 名 = 培训 774 名), dropped from a subject before it is compared.
 */
export const COUNT_FILLER_WORDS: readonly string[] = ['共计', '合计', '总计', '总共', '一共', '达到', '共', '计', '达', '约', '近', '逾', '为', '是', '有', '了', '的', '对', '将'];

/** Words that mark a stated whole right before its number: "共 80 个", "合计 12 项" (count-checks). */
export const COUNT_WHOLE_WORDS: readonly string[] = ['共', '合计', '总计', '总共', '累计', '共计'];

/** Joiners between listed counts: "10 个镇（街）和 70 个机关、事业单位", "… 还有 3 个 …". */
export const COUNT_LIST_JOINERS: readonly string[] = ['和', '及', '、', '与', '以及', '还有'];

/** Joiners between coordinated nouns of one subject: "参评单位及服务窗口" (还有 opens a clause, not a noun). */
export const SUBJECT_JOINERS: readonly string[] = COUNT_LIST_JOINERS.filter((w) => w !== '还有');

/** Two-character terms too generic to tie a whole to its parts (工作, 开展, 其中 …). */
export const GENERIC_SUBJECT_TERMS: readonly string[] = ['工作', '开展', '进行', '组织', '完成', '相关', '各类', '共计', '以上', '其中', '分别', '全部', '所有'];

/**
 * Units that after a number name a position, not a quantity: 一级指标, 二级项目, 三级 (levels). Such
 * numbers are never counts.
 */
export const LEVEL_UNITS: readonly string[] = ['级'];

/**
 * Units that after a Chinese numeral are an ordinal or an indefinite amount rather than a count:
 * "第一批 … 二批" (the first, the second batch), "一批党员" (a group of). Written with digits ("2 批")
 * they are counts.
 */
export const BATCH_UNITS: readonly string[] = ['批'];

/**
 * Places that scope a count: "花都区培训 300 人" and "从化区培训 200 人" are two counts. A place is read
 * as the two characters before a county-level suffix (遂溪县, 花都区, 新华街道), so "开展遂溪县" and
 * "遂溪县" are one place; 区直, 县委, 区级 are not places (the character after the suffix), nor are
 * 展区, 园区, 城区, 辖区 … (the character before it).
 */
export const PLACE_SUFFIX = /([\u4e00-\u9fff]{2}(?:县|区|镇|街道))(?![直级委属内域间政府划长])/gu;

/** Second characters of two-character words ending in 区/镇/县 that name no place: 展区, 园区, 小镇 … */
export const NOT_PLACE_BEFORE_SUFFIX = /[展园城辖景片库山湾校厂矿营灾疫病专特社小乡市郊县分各该本全辖我]/u;

/**
 * Units that after a Chinese numeral glued to a name are part of an office's name, not a count:
 * 秘书一处, 综合调研二处, 财务科, 第三组. "设 3 个职能处" and "设两处" are counts (a verb or a measure
 * word stands before the number).
 */
export const OFFICE_NAME_UNITS: readonly string[] = ['处', '科', '股', '室', '组', '队', '所'];

/**
 * A measure word that, with the character after it, makes an office's name: "执法一支队", "二大队",
 * "三中队" (t990) are units of an organisation, not 1 支 of 队; "一支队伍" (a team) stays a count.
 */
export const OFFICE_NAME_COMPOUND = /^[支大中小]队(?!伍)/u;

/** Characters before a number that make it a count, not part of a name: verbs of having and setting up. */
export const COUNT_LEAD_CHARACTERS = /[设有建增共计达为约近成了等括含和及与、，,：:（(\s]/u;

/**
 * Units that own a count: "省政府办公厅设 18 个内设机构" and "省人民政府研究室设 4 个内设机构" count the
 * offices of two bodies, "来凤山管理所 4 个项目" and "技术推广站 8 个项目" the projects of two units.
 * Read from the count's clause as the six characters ending in one of these, right before a verb of
 * having, the number itself (the clause's end) or 本级.
 */
export const OWNER_WORDS = ['办公厅', '研究室', '办事处', '委员会', '办公室', '管理局', '管理处', '服务中心', '中心', '政府', '林场', '农场', '厅', '局', '委', '院', '所', '站', '场', '园', '校', '公司', '学校', '医院'] as const;
export const OWNER_SUFFIX = new RegExp(`([\\u4e00-\\u9fff]{2,}?(?:${OWNER_WORDS.join('|')}))(?=[设有共现下内实核编\\d]|本级|$)`, 'gu');
