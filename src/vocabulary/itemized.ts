/**
 * Words of lists that give a whole item by item (src/check/itemized-breakdown.ts).
 */

/**
 * A sentence that opens with one of these lists the amount the previous sentence ended with, every item
 * of it: "下达预算资金9378万元。具体是：…项目3005万元；…项目1235万元；…". Unlike 其中 ("among them"), the
 * mark promises the whole list.
 */
export const ITEMIZED_MARKS: readonly string[] = ['具体是', '具体为', '具体如下', '明细如下', '分别是', '分别为'];

/** The mark of a measure's parts: "硬化道路7.8公里，其中三湾村3.4公里，…". */
export const MEASURE_PART_MARKS: readonly string[] = ['其中'];
