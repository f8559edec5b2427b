/** The order of day and month in a file's slashed dates (03/14/2026 or 14/03/2026). */
export type DateOrder = 'month-first' | 'day-first';

/** The order a file uses, and the row that shows it (the first date only one order can read). */
export interface FileDateOrder {
  readonly order: DateOrder;
  readonly line: number;
  readonly text: string;
}

const ORDER_NAMES: Readonly<Record<DateOrder, string>> = {
  'month-first': 'month/day/year (US)',
  'day-first': 'day/month/year',
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASHED_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+[\d:]+(?:\s*[AaPp][Mm])?)?$/;

function slashed(text: string): { first: number; second: number; year: string } | undefined {
  const match = SLASHED_DATE.exec(text.trim());
  if (match === null) return undefined;
  return { first: Number(match[1]), second: Number(match[2]), year: match[3] ?? '' };
}

/**
 * The order a date proves: a first number above 12 is a day, a second number above 12 is a day.
 * @param text - the date as written
 * @returns the order, or undefined when the date is ISO, not a date, or reads the same both ways
 */
export function provenOrder(text: string): DateOrder | undefined {
  const parts = slashed(text);
  if (parts === undefined || parts.first === parts.second) return undefined;
  if (parts.first > 12 && parts.second <= 12) return 'day-first';
  if (parts.first <= 12 && parts.second > 12) return 'month-first';
  return undefined;
}

/**
 * The notice that says how a file's dates were read.
 * @param order - the file's order and the row that shows it
 * @returns the message
 */
export function dateOrderNotice(order: FileDateOrder): string {
  return `dates read as ${ORDER_NAMES[order.order]}, as row ${order.line} "${order.text}" shows`;
}

/**
 * A date as labs write it: ISO, or day and month in the order the file uses. A date that only one
 * order can read must agree with the file's order; one that both orders read differently needs
 * the file's order (another row that proves it), else it is refused as ambiguous.
 * @param text - the cell
 * @param fileOrder - the order the file's dates prove, when one does
 * @returns the date as YYYY-MM-DD, or the reason it cannot be read
 */
export function readDate(
  text: string,
  fileOrder: FileDateOrder | undefined,
): { date: string } | { error: string } {
  const trimmed = text.trim();
  const iso = ISO_DATE.exec(trimmed);
  if (iso !== null) return { date: `${iso[1]}-${iso[2]}-${iso[3]}` };
  const parts = slashed(trimmed);
  if (parts === undefined) return { error: 'must be a date written YYYY-MM-DD (or MM/DD/YYYY)' };
  const own = provenOrder(trimmed);
  if (own !== undefined && fileOrder !== undefined && own !== fileOrder.order) {
    return {
      error: `${trimmed} is ${ORDER_NAMES[own]} but row ${fileOrder.line} "${fileOrder.text}" is ${ORDER_NAMES[fileOrder.order]}: one file uses one date order; write YYYY-MM-DD`,
    };
  }
  const order = parts.first === parts.second ? 'month-first' : (own ?? fileOrder?.order);
  if (order === undefined) {
    return {
      error: `is ambiguous (${parts.first}/${parts.second} could be month/day or day/month, and no other date in the file tells): write YYYY-MM-DD`,
    };
  }
  const [month, day] =
    order === 'month-first' ? [parts.first, parts.second] : [parts.second, parts.first];
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${parts.year}-${pad(month)}-${pad(day)}` };
}
