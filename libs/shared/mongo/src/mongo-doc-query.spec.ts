import { compileSort, compileWhere, documentPath } from './mongo-doc-query';

describe('compileWhere', () => {
  it('maps bare scalars and operators onto doc.<field>, dotted names included', () => {
    expect(compileWhere({ city: 'Taipei', 'address.zip': { $in: ['100', null] }, age: { $gte: 25, $lt: 40 }, active: { $ne: true } })).toEqual({
      'doc.city': 'Taipei',
      'doc.address.zip': { $in: ['100', null] },
      'doc.age': { $gte: 25, $lt: 40 },
      'doc.active': { $ne: true },
    });
    expect(compileWhere(undefined)).toEqual({});
  });

  it('keeps null as MongoDB reads it: null or missing', () => {
    expect(compileWhere({ city: null, score: { $eq: null }, zip: { $ne: null } })).toEqual({
      'doc.city': null,
      'doc.score': { $eq: null },
      'doc.zip': { $ne: null },
    });
  });

  it('turns a range bound that is null or a boolean into a condition matching nothing', () => {
    expect(compileWhere({ a: { $gte: null }, b: { $lt: true, $gt: 1 } })).toEqual({ 'doc.a': { $in: [] }, 'doc.b': { $in: [] } });
  });

  it('drops an operator object holding no operator instead of matching an empty object', () => {
    expect(compileWhere({ a: {}, b: { $eq: undefined } })).toEqual({});
  });

  it('refuses unknown operators, non-scalar operands and names that are not plain paths', () => {
    expect(() => compileWhere({ a: { $regex: 'x' } as never })).toThrow('unsupported query operator $regex');
    expect(() => compileWhere({ a: { $eq: { $gt: '' } } as never })).toThrow('$eq on a needs');
    expect(() => compileWhere({ a: { $in: 'x' } as never })).toThrow('$in on a needs an array');
    expect(() => compileWhere({ a: { $in: [{}] } as never })).toThrow('$in on a needs');
    expect(() => compileWhere({ a: Number.NaN })).toThrow();
    expect(() => compileWhere({ $where: 1 })).toThrow('unsupported field name');
    expect(() => compileWhere({ 'a.$b': 1 })).toThrow('unsupported field name');
    expect(() => compileWhere({ 'a..b': 1 })).toThrow('unsupported field name');
    expect(() => documentPath('')).toThrow('unsupported field name');
  });
});

describe('compileSort', () => {
  it('sorts by doc fields then _id, the first mention of a field winning', () => {
    expect(
      compileSort([
        { field: 'age', direction: 'asc' },
        { field: 'name', direction: 'desc' },
        { field: 'age', direction: 'desc' },
      ]),
    ).toEqual({ 'doc.age': 1, 'doc.name': -1, _id: 1 });
    expect(Object.keys(compileSort([{ field: 'b', direction: 'asc' }, { field: 'a', direction: 'asc' }]))).toEqual(['doc.b', 'doc.a', '_id']);
    expect(compileSort(undefined)).toEqual({ _id: 1 });
    expect(() => compileSort([{ field: 'a', direction: 'up' as never }])).toThrow('unsupported sort direction up');
  });
});
