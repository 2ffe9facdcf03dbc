/** The first day of a partial date: "2019" → "2019-01-01", "2019-10" → "2019-10-01". */
export function firstDay(date: string): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return null;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

/** The last day of a partial date: "2019" → "2019-12-31", "2020-02" → "2020-02-29". */
export function lastDay(date: string): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return null;
  if (m[3]) return date;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 12;
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
