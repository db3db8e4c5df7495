/** CSV as Bulk API 2.0 speaks it: delimiters by name, line endings by name, every value quoted on the way out. */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export const COLUMN_DELIMITERS = {
  COMMA: ',',
  TAB: '\t',
  PIPE: '|',
  SEMICOLON: ';',
  CARET: '^',
  BACKQUOTE: '`'
} as const;

export type ColumnDelimiter = keyof typeof COLUMN_DELIMITERS;
export type LineEnding = 'LF' | 'CRLF';

export interface CsvFormat {
  columnDelimiter: ColumnDelimiter;
  lineEnding: LineEnding;
}

export function isColumnDelimiter(value: unknown): value is ColumnDelimiter {
  return typeof value === 'string' && Object.hasOwn(COLUMN_DELIMITERS, value);
}

/** Rows of a CSV upload, header first. Throws csv-parse's error (with the line) on ragged rows or bad quoting. */
export function parseCsv(text: string, format: CsvFormat): string[][] {
  return parse(text, {
    delimiter: COLUMN_DELIMITERS[format.columnDelimiter],
    bom: true,
    skip_empty_lines: true
  }) as string[][];
}

export function stringifyCsv(rows: string[][], format: CsvFormat): string {
  return stringify(rows, {
    delimiter: COLUMN_DELIMITERS[format.columnDelimiter],
    record_delimiter: format.lineEnding === 'CRLF' ? '\r\n' : '\n',
    quoted: true,
    quoted_empty: true
  });
}
