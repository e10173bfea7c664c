/**
 * How a figure is shown to a person, the same way in the CLI and the review app: as the report
 * printed it (its own unit: 万元, 元, 亿元, or 万 alone), with thousands separators. Exports carry
 * yuan instead (src/export/tables.ts).
 */
import type { Figure } from './record.js';

/** Money units by the power of ten their figures were scaled with, for a number printed without one. */
const MONEY_UNIT_OF_SCALE: Record<number, string> = { 0: '元', 4: '万元', 8: '亿元' };

/** "8903300.5" → "8,903,300.5": separators in the first number whose integer part has 4 or more digits. */
export function groupThousands(text: string): string {
  if (/\d,\d{3}/u.test(text)) return text;
  return text.replace(/\d{4,}/u, (digits) => digits.replace(/\B(?=(\d{3})+$)/gu, ','));
}

/** Any figure as printed; money as `showMoney` shows it. */
export function showFigure(figure: Figure | null | undefined): string {
  if (!figure) return '—';
  return figure.kind === 'money' ? showMoney(figure) : figure.text;
}

/**
 * A figure in a money role as printed, with its unit and separators: "1234.56万元" → "1,234.56万元";
 * a table cell "307.82" under 单位：万元 → "307.82万元"; "29.6万" stays "29.6万"; 8903300 → "8,903,300元".
 * A rate or score in a money role is shown as its text.
 */
export function showMoney(figure: Figure | null | undefined): string {
  if (!figure) return '—';
  if (figure.kind !== 'money' && figure.kind !== 'plain') return figure.text;
  const unit = figure.unit || (/[万亿元]/u.test(figure.text) ? '' : (MONEY_UNIT_OF_SCALE[figure.scale] ?? ''));
  const text = unit && !figure.text.endsWith(unit) ? `${figure.text}${unit}` : figure.text;
  return groupThousands(text);
}

/** A fraction as a percent with up to 2 decimals (0.802 → "80.2%"). */
export function showRate(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${Number((fraction * 100).toFixed(2))}%`;
}

/** A number with up to `digits` decimals, no trailing zeros (91.280 → "91.28"). */
export function showNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return String(Number(value.toFixed(digits)));
}
