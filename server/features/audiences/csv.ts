/**
 * CSV import of contacts: RFC 4180 quoting, `,` `;` or tab as delimiter (French spreadsheets
 * write `;`), a header row recognised in French or English, or no header (the column holding `@` is
 * the address, the others follow as first name, last name, organisation).
 */

export type ImportRow = {
  line: number;
  email: string;
  firstName: string;
  lastName: string;
  organisation: string;
};
export type ImportAnalysis = {
  rows: ImportRow[];
  totalRows: number;
  invalid: Array<{ line: number; value: string; reason: string }>;
  duplicates: Array<{ line: number; email: string; firstLine: number }>;
  columns: { email: number; firstName: number | null; lastName: number | null; organisation: number | null };
  hasHeader: boolean;
};

export function parseCsv(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((delimiter) => [delimiter, firstLine.split(delimiter).length] as const);
  const delimiter = counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if (quoted) {
      if (char === '"') {
        if (source[index + 1] === '"') {
          field += '"';
          index++;
        } else quoted = false;
      } else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const emailPattern = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\.]{2,}$/;
export const normaliseEmail = (value: string) => value.trim().toLowerCase();
export const isValidEmail = (email: string) => email.length <= 254 && emailPattern.test(email);

const headerPatterns = {
  email: /e-?mail|courriel|adresse/i,
  firstName: /pr[ée]nom|first/i,
  lastName: /^\s*nom\s*$|last|surname|family|nom de famille/i,
  organisation: /organi|soci[ée]t[ée]|m[ée]dia|structure|company|r[ée]daction|employ/i,
};

export function analyseCsv(text: string, maxRows: number): ImportAnalysis {
  const all = parseCsv(text)
    .map((cells, index) => ({ cells: cells.map((cell) => cell.trim()), line: index + 1 }))
    .filter((row) => row.cells.some((cell) => cell !== ''));
  const first = all[0]?.cells ?? [];
  const hasHeader = first.length > 0 && !first.some((cell) => cell.includes('@'));
  let columns: ImportAnalysis['columns'];
  if (hasHeader) {
    const find = (pattern: RegExp, not: number[] = []) => {
      const index = first.findIndex((cell, at) => !not.includes(at) && pattern.test(cell));
      return index === -1 ? null : index;
    };
    const email = find(headerPatterns.email) ?? 0;
    const firstName = find(headerPatterns.firstName, [email]);
    const lastName = find(headerPatterns.lastName, [email, ...(firstName === null ? [] : [firstName])]);
    const organisation = find(headerPatterns.organisation, [email]);
    columns = { email, firstName, lastName, organisation };
  } else {
    const email = Math.max(
      0,
      first.findIndex((cell) => cell.includes('@')),
    );
    const others = first.map((_, index) => index).filter((index) => index !== email);
    columns = {
      email,
      firstName: others[0] ?? null,
      lastName: others[1] ?? null,
      organisation: others[2] ?? null,
    };
  }
  const body = (hasHeader ? all.slice(1) : all).slice(0, maxRows);
  const rows: ImportRow[] = [];
  const invalid: ImportAnalysis['invalid'] = [];
  const duplicates: ImportAnalysis['duplicates'] = [];
  const seen = new Map<string, number>();
  const cell = (cells: string[], index: number | null) =>
    index === null ? '' : (cells[index] ?? '').replace(/\s+/g, ' ').slice(0, 120);
  for (const { cells, line } of body) {
    const raw = cells[columns.email] ?? '';
    // "Claire Dupont <claire@example.org>" is an address too.
    const email = normaliseEmail(/<([^<>]+)>\s*$/.exec(raw)?.[1] ?? raw);
    if (!email) {
      invalid.push({ line, value: raw, reason: 'no address' });
      continue;
    }
    if (!isValidEmail(email) || email.includes('\u0000')) {
      invalid.push({ line, value: raw.slice(0, 200), reason: 'not an email address' });
      continue;
    }
    const firstLine = seen.get(email);
    if (firstLine !== undefined) {
      duplicates.push({ line, email, firstLine });
      continue;
    }
    seen.set(email, line);
    const clean = (value: string) => value.replaceAll('\u0000', '');
    rows.push({
      line,
      email,
      firstName: clean(cell(cells, columns.firstName)),
      lastName: clean(cell(cells, columns.lastName)),
      organisation: clean(cell(cells, columns.organisation)),
    });
  }
  return {
    rows,
    totalRows: hasHeader ? all.length - 1 : all.length,
    invalid,
    duplicates,
    columns,
    hasHeader,
  };
}

/** One CSV cell, quoted when needed; a leading = + - @ is neutralised (spreadsheet formulas). */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
