import { DomainError } from '@ebp/shared-eventsourcing';
import { checkUnitRows, parseCsv, readUnitImport } from './unit-import';

const HEADER = 'number,floor,type,areaCentiSqm,listPriceFen';

describe('PS-1 unit CSV import parser', () => {
  it('PS-1 reads RFC 4180 records: quotes, doubled quotes, CRLF/LF/CR and a byte-order mark', () => {
    expect(parseCsv('\ufeffa,"b,1","c""d"\r\ne,f,g\nh,i,j\rk')).toEqual([
      { row: 1, fields: ['a', 'b,1', 'c"d'] },
      { row: 2, fields: ['e', 'f', 'g'] },
      { row: 3, fields: ['h', 'i', 'j'] },
      { row: 4, fields: ['k'] },
    ]);
  });

  it('PS-1 an unclosed quote, a missing column, a repeated column or an empty file refuses the file (400)', () => {
    const refused = (text: string): DomainError => {
      try {
        readUnitImport(text);
      } catch (error) {
        return error as DomainError;
      }
      throw new Error('accepted');
    };
    expect(refused(`${HEADER}\n"1201,12,apartment,1,1`)).toMatchObject({ rule: 'PS-1', kind: 'invalid' });
    expect(refused('number,floor,type,areaCentiSqm\n1,1,apartment,1')).toMatchObject({ rule: 'PS-1', field: 'header' });
    expect(refused(`${HEADER},floor\n`)).toMatchObject({ field: 'header' });
    expect(refused('\n\n')).toMatchObject({ field: 'header' });
  });

  it('PS-1 columns in any order and spelling; rows numbered as in a spreadsheet, blank rows counted and skipped', () => {
    const records = readUnitImport('List_Price_Fen,Type,NUMBER,floor,area-centi-sqm\r\n\r\n300000000,Villa,V1,1,25000\r\n');
    expect(records).toEqual([{ row: 3, cells: { number: 'V1', floor: '1', type: 'Villa', areaCentiSqm: '25000', listPriceFen: '300000000' }, extra: 0 }]);
    expect(checkUnitRows(records)).toEqual({ units: [{ row: 3, number: 'V1', floor: 1, type: 'villa', areaCentiSqm: 25000, listPriceFen: 300000000 }], errors: [] });
  });

  it('PS-1 per-row errors with row numbers, every bad cell named; a number repeated in the file is an error of its later row', () => {
    const csv = [
      HEADER,
      '1201,12,apartment,12345,300000000', // 2 good
      '12.01,0,castle,12.5,-1', // 3 every cell bad
      ',12,apartment,1,1', // 4 empty number
      '1201,12,apartment,12345,300000000', // 5 repeated
      '1203,12,apartment,1,1,extra', // 6 extra cell
    ].join('\n');
    const { units, errors } = checkUnitRows(readUnitImport(csv));
    expect(units.map((u) => u.row)).toEqual([2]);
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'number'],
      [3, 'floor'],
      [3, 'type'],
      [3, 'areaCentiSqm'],
      [3, 'listPriceFen'],
      [4, 'number'],
      [5, 'number'],
      [6, 'row'],
    ]);
    expect(errors.every((e) => e.rule === 'PS-1')).toBe(true);
    expect(errors[6].message).toContain('row 2');
  });
});
