/** A date as labs write it: ISO, or a day/month order that only one reading allows. */
export function readDate(text: string): { date: string; note?: string } | { error: string } {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(trimmed);
  if (iso !== null) return { date: `${iso[1]}-${iso[2]}-${iso[3]}` };
  const slashed = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+[\d:]+(?:\s*[AaPp][Mm])?)?$/.exec(
    trimmed,
  );
  if (slashed === null) return { error: 'must be a date written YYYY-MM-DD (or MM/DD/YYYY)' };
  const first = Number(slashed[1]);
  const second = Number(slashed[2]);
  const year = slashed[3];
  const pad = (n: number) => String(n).padStart(2, '0');
  if (first === second || (first <= 12 && second > 12)) {
    return {
      date: `${year}-${pad(first)}-${pad(second)}`,
      note: `read as a US date (month ${first}, day ${second})`,
    };
  }
  if (first > 12 && second <= 12) {
    return {
      date: `${year}-${pad(second)}-${pad(first)}`,
      note: `read as day ${first}, month ${second} (the day comes first)`,
    };
  }
  return {
    error: `is ambiguous (${first}/${second} could be month/day or day/month): write YYYY-MM-DD`,
  };
}
