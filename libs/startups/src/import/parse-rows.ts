import { ImportFormat, ImportSource, readSheet } from './import-reader';
import { CellError, CellValue, ImportRow, parseImportRow } from './parse-import-row';

/** What an import pass consumes: the header row once, then every data row parsed and checked. */
export type ParsedItem = { headers: string[] } | { rowNumber: number; row: ImportRow | null; errors: CellError[] };

// Template headers carry " *" on required columns; both spellings are accepted.
const unstar = (header: string) => header.replace(/\s*\*$/, '');

/** Reads the sheet and parses each row where it is read (in this thread; `parseInWorker` runs it in another). */
export async function* parseRows(open: ImportSource, format: ImportFormat): AsyncGenerator<ParsedItem> {
  let starred: Map<string, string> | null = null;
  for await (const item of readSheet(open, format)) {
    if ('headers' in item) {
      const headers = item.headers.map(unstar);
      if (headers.some((h, i) => h !== item.headers[i])) starred = new Map(item.headers.map((h, i) => [h, headers[i]]));
      yield { headers };
      continue;
    }
    let cells = item.cells;
    if (starred) {
      const renamed: Record<string, CellValue> = {};
      for (const key in cells) renamed[starred.get(key) ?? key] = cells[key];
      cells = renamed;
    }
    const { row, errors } = parseImportRow(item.rowNumber, cells);
    yield { rowNumber: item.rowNumber, row: row ?? null, errors };
  }
}
