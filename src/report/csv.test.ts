import { describe, expect, it } from 'vitest';
import { csvField, renderCsv } from './csv.ts';
import { makeTestRun } from '../testing/testRun.ts';

/** An RFC 4180 reader, written independently of the writer so the two check each other. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  return rows;
}

describe('csvField', () => {
  it('quotes fields with commas, quotes or line breaks and doubles inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.25)).toBe('0.25');
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-1)).toBe('-1');
  });
});

describe('renderCsv', () => {
  it('writes a header and one row per note record with CRLF line ends', () => {
    const run = makeTestRun();
    const text = renderCsv(run);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      'backendId',
      'caseId',
      'sample',
      'status',
      'verdict',
      'safetyVerdict',
      'omission',
      'template',
      'majorFabrications',
      'editRate',
      'editMinutes',
      'latencyMs',
      'errorCode',
    ]);
    expect(rows).toHaveLength(run.records.length + 1);
    for (const r of rows) expect(r).toHaveLength(13);
    expect(rows).toContainEqual(['vendor-b', 'cbt-postpartum-anxiety', '1', 'error', '', '', '', '', '', '', '', '60000', 'TIMEOUT']);
    expect(rows).toContainEqual([
      'vendor-b',
      'ipt-role-transition-passive-si',
      '0',
      'ok',
      'critical',
      'critical',
      '0.7',
      '0.8',
      '0',
      '0.5',
      '7',
      '1200',
      '',
    ]);
    expect(rows).toContainEqual([
      'vendor-a',
      'cbt-postpartum-anxiety',
      '1',
      'ok',
      'fail',
      'pass',
      '0.9',
      '0.9',
      '1',
      '0.3',
      '4',
      '1300',
      '',
    ]);
  });

  it('round-trips ids holding commas, quotes and line breaks', () => {
    const run = makeTestRun();
    const first = run.records[0];
    if (!first) throw new Error('fixture has records');
    first.backendId = 'acme, "beta"\r\nscribe';
    const rows = parseCsv(renderCsv(run));
    expect(rows).toHaveLength(run.records.length + 1);
    expect(rows[1]?.[0]).toBe('acme, "beta"\r\nscribe');
  });
});
