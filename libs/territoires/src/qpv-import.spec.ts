import { DomainError, ErrorCode, FieldError } from '@pilotis/shared';

import { QpvGeneration } from './qpv.entity';
import {
  analyseQpvCsv,
  checkNewQpv,
  checkQpvChanges,
  communeDepartement,
  detectDelimiter,
  headerKey,
  ImportedQpv,
  planQpvImport,
  QPV_IMPORT_MAX_BYTES,
  QPV_IMPORT_MAX_LINES,
  StoredQpv,
  Territory,
  territoryOf,
} from './qpv-import';
import { findIntercommunalite } from './referentiel';

/** Rennes, Saint-Jacques-de-la-Lande, Cesson-Sévigné: enough of Rennes Métropole for these rules. */
const RENNES: Territory = territoryOf({ name: 'Rennes Métropole', communes: ['35238', '35281', '35051'] });
const AJACCIO: Territory = territoryOf({ name: 'CA du Pays Ajaccien', communes: ['2A004', '2A006'] });
const GUADELOUPE: Territory = territoryOf({ name: 'CA Cap Excellence', communes: ['97101', '97120'] });

/** The fields of the BAD_USER_INPUT thrown by `fn`. */
function fieldsOf(fn: () => unknown): FieldError[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCode.BAD_USER_INPUT) return error.details.fields ?? [];
    throw error;
  }
  throw new Error('expected BAD_USER_INPUT, got no error');
}

const reasons = (fields: FieldError[]) => fields.map((f) => [f.field, f.reason]);

describe('communeDepartement', () => {
  it.each([
    ['35238', '35'],
    ['01053', '01'],
    ['2A004', '2A'],
    ['2B033', '2B'],
    ['97101', '971'],
    ['97611', '976'],
  ])('%s is in département %s', (insee, departement) => {
    expect(communeDepartement(insee)).toBe(departement);
  });
});

describe('detectDelimiter', () => {
  it('takes ; for French files', () => expect(detectDelimiter('code_qp;lib_qp;insee_com\nQP035001;Maurepas;35238')).toBe(';'));
  it('takes , when the header uses commas', () => expect(detectDelimiter('code_qp,lib_qp,insee_com\n')).toBe(','));
  it('decides on the header only', () => expect(detectDelimiter('code;nom;communes\nQP1,a,b,c,d,e')).toBe(';'));
  it('ignores separators inside quotes', () => expect(detectDelimiter('"a;b;c",code,nom\n')).toBe(','));
  it('skips leading blank lines', () => expect(detectDelimiter('\n  \ncode,nom,communes\n')).toBe(','));
  it('prefers ; on a tie', () => expect(detectDelimiter('code\n')).toBe(';'));
});

describe('headerKey', () => {
  it('ignores case, accents, spaces and hyphens', () => {
    expect(headerKey(' Libellé ')).toBe('libelle');
    expect(headerKey('Code INSEE')).toBe('code_insee');
    expect(headerKey('CODE-QP')).toBe('code_qp');
  });
});

describe('analyseQpvCsv', () => {
  const ok = (csv: string, territory = RENNES) => {
    const result = analyseQpvCsv(csv, territory);
    expect(result.errors).toEqual([]);
    return result;
  };
  const errorsOf = (csv: string, territory = RENNES) => analyseQpvCsv(csv, territory).errors.map((e) => [e.line, e.code, e.reason]);

  it('reads a French file: ;, UTF-8 BOM, CRLF, lower-case codes and stray spaces', () => {
    const csv = '\uFEFFcode_qp;lib_qp;insee_com\r\nQP035003;Maurepas;35238\r\n qn03502m ; Le  Blosne ;35238\r\n';
    expect(ok(csv)).toEqual({
      qpvs: [
        { code: 'QP035003', generation: QpvGeneration.G2015, name: 'Maurepas', communes: ['35238'], line: 2 },
        { code: 'QN03502M', generation: QpvGeneration.G2024, name: 'Le Blosne', communes: ['35238'], line: 3 },
      ],
      skipped: 0,
      errors: [],
    });
  });

  it('reads a comma-separated file with several communes in a quoted cell', () => {
    const result = ok('code_qpv,nom_qp,communes\nQN03501M,"Maurepas, Gros Chêne","35238,35281"\n');
    expect(result.qpvs).toEqual([
      expect.objectContaining({ code: 'QN03501M', name: 'Maurepas, Gros Chêne', communes: ['35238', '35281'] }),
    ]);
  });

  it.each([
    ['comma', '"35238,35281"'],
    ['semicolon', '"35238;35281"'],
    ['pipe', '35238|35281'],
    ['space', '35238 35281'],
    ['mixed, with doubled separators', '" 35238 , | 35281 "'],
  ])('splits communes separated by %s', (_label, cell) => {
    expect(ok(`code,nom,communes\nQP035004,Villejean,${cell}\n`).qpvs[0].communes).toEqual(['35238', '35281']);
  });

  it.each([
    ['code_qp', 'lib_qp', 'insee_com'],
    ['CODE_QPV', 'NOM_QP', 'CODE_INSEE'],
    ['Code', 'Nom', 'Communes'],
    ['code_quartier', 'Libellé', 'code_commune'],
    ['code_qp', 'name', 'insee_com_all'],
  ])('recognises the header %s;%s;%s', (code, name, communes) => {
    expect(ok(`${code};${name};${communes}\nQP035001;Cleunay;35238\n`).qpvs).toHaveLength(1);
  });

  it('finds the columns in any order, among others, and prefers the official names', () => {
    const csv = 'insee_reg;insee_com;lib_com;code;code_qp;lib_qp;nom\n53;35238;Rennes;X;QP035001;Cleunay;Autre\n';
    expect(ok(csv).qpvs).toEqual([expect.objectContaining({ code: 'QP035001', name: 'Cleunay', communes: ['35238'] })]);
  });

  it('merges the rows of one QPV (one row per QPV and commune) and skips other territories', () => {
    const csv = [
      'code_qp;lib_qp;insee_com;lib_com',
      'QP038001;Mistral;38185;Grenoble',
      'QP035004;Villejean;35238;Rennes',
      'QP038002;Villeneuve;38185;Grenoble',
      'QP038002;Villeneuve;38151;Échirolles',
      'QP035004;Villejean;35281;Saint-Jacques-de-la-Lande',
      'QP035004;Villejean;35238;Rennes',
    ].join('\n');
    expect(ok(csv)).toEqual({
      qpvs: [{ code: 'QP035004', generation: QpvGeneration.G2015, name: 'Villejean', communes: ['35238', '35281'], line: 3 }],
      skipped: 3,
      errors: [],
    });
  });

  it('skips rows outside the territory whatever else is wrong with them', () => {
    const result = ok('code;nom;communes\nXX;;38185\n;Sans code;38185\nQP038001;;38185\n');
    expect(result).toEqual({ qpvs: [], skipped: 3, errors: [] });
  });

  it('counts lines as a text editor does: header 1, blank lines and multi-line cells included', () => {
    const csv = 'code;nom;communes\n\nQP035001;"Cleunay\nArsenal";35238\n\nQP035XXX;Bad;35238\n';
    expect(errorsOf(csv)).toEqual([[6, 'QP035XXX', 'invalid_qpv_code']]);
  });

  it('handles Corsica and overseas départements', () => {
    expect(ok('code;nom;communes\nQP02A001;Les Cannes;2A004\nQN02A01N;Les Salines;2a004\n', AJACCIO).qpvs).toHaveLength(2);
    expect(errorsOf('code;nom;communes\nQP02B001;Lupino;2A004\n', AJACCIO)).toEqual([[2, 'QP02B001', 'departement_mismatch']]);
    expect(ok('code;nom;communes\nQP971001;Carénage;97101\n', GUADELOUPE).qpvs).toHaveLength(1);
  });

  it('reports each faulty row once, with its line, code, reason and a French message', () => {
    const csv = [
      'code_qp;lib_qp;insee_com',
      ';Sans code;35238', // 2
      'QP35001;Mauvais code;35238', // 3
      'QP035002;;35238', // 4
      `QP035003;${'x'.repeat(201)};35238`, // 5
      'QP035005;Sans commune;', // 6
      'QP035006;Commune illisible;35238 Rennes', // 7
      'QP035007;À cheval;35238,38185', // 8
      'QP093001;Mauvais département;35238', // 9
      'QP035008;Le Blosne;35238', // 10
      'QP035008;Blosne;35281', // 11
      'QPXXX;;35238', // 12: two faults, reported once
      'QP035010;Cleunay;35238', // 13: correct
    ].join('\n');
    const { errors, qpvs } = analyseQpvCsv(csv, RENNES);
    expect(errors.map((e) => [e.line, e.code, e.reason])).toEqual([
      [2, null, 'missing_code'],
      [3, 'QP35001', 'invalid_qpv_code'],
      [4, 'QP035002', 'missing_name'],
      [5, 'QP035003', 'name_too_long'],
      [6, 'QP035005', 'missing_communes'],
      [7, 'QP035006', 'invalid_commune'],
      [8, 'QP035007', 'outside_territory'],
      [9, 'QP093001', 'departement_mismatch'],
      [11, 'QP035008', 'conflicting_names'],
      [12, 'QPXXX', 'invalid_qpv_code'],
    ]);
    expect(errors.find((e) => e.line === 7)?.message).toBe("Cette valeur n'est pas un code INSEE de commune : RENNES.");
    expect(errors.find((e) => e.line === 8)?.message).toMatch(/La commune 38185 n'appartient pas au territoire \(Rennes Métropole\)/);
    expect(errors.find((e) => e.line === 9)?.message).toMatch(/département 93.*département 35/);
    expect(errors.find((e) => e.line === 11)?.message).toMatch(/ligne 10 \(« Le Blosne »\)/);
    // The correct QPV is still analysed (the service writes nothing since there are errors).
    expect(qpvs.map((q) => q.code)).toEqual(['QP035010']);
  });

  it('faults the rows naming outside communes when a merged QPV straddles the territory', () => {
    const csv = 'code_qp;lib_qp;insee_com\nQP035011;Frontière;35238\nQP035011;Frontière;35047\nQP035011;Frontière;35281\n';
    expect(errorsOf(csv)).toEqual([[3, 'QP035011', 'outside_territory']]);
  });

  it('refuses more than 50 communes for one QPV', () => {
    const communes = Array.from({ length: 51 }, (_, i) => `35${String(i + 1).padStart(3, '0')}`);
    const big = territoryOf({ name: 'Grand', communes });
    expect(errorsOf(`code;nom;communes\nQP035001;Vaste;"${communes.join(',')}"\n`, big)).toEqual([[2, 'QP035001', 'too_many_communes']]);
  });

  it('ignores blank lines and rows of empty cells', () => {
    expect(ok('code;nom;communes\n;;\n\nQP035001;Cleunay;35238\n   \n').qpvs).toHaveLength(1);
  });

  it('tolerates unescaped quotes inside a cell and short rows', () => {
    const result = analyseQpvCsv('code;nom;communes\nQP035001;Quartier "Les Pins";35238\nQP035002;Court\n', RENNES);
    expect(result.qpvs[0].name).toBe('Quartier "Les Pins"');
    expect(result.errors).toEqual([expect.objectContaining({ line: 3, reason: 'missing_communes' })]);
  });

  it('works with the real member communes of Rennes Métropole', () => {
    const rennes = territoryOf(findIntercommunalite('243500139')!);
    const result = analyseQpvCsv('code;nom;communes\nQP035003;Maurepas;35238\nQP038001;Mistral;38185\n', rennes);
    expect(result).toMatchObject({ skipped: 1, errors: [], qpvs: [{ code: 'QP035003' }] });
  });

  describe('files that cannot be read at all', () => {
    it.each([
      ['an empty file', '', 'missing_header'],
      ['only blank lines', '\n\n  \n', 'missing_header'],
      ['no header', 'QP035001;Cleunay;35238\n', 'missing_header'],
      ['a header missing a column', 'code_qp;lib_qp;lib_com\nQP035001;Cleunay;Rennes\n', 'missing_columns'],
      ['an unclosed quote', 'code;nom;communes\nQP035001;"Cleunay;35238\n', 'unparseable'],
    ])('refuses %s', (_label, csv, reason) => {
      expect(reasons(fieldsOf(() => analyseQpvCsv(csv, RENNES)))).toEqual([['csv', reason]]);
    });

    it('names the missing columns', () => {
      const [field] = fieldsOf(() => analyseQpvCsv('code_qp;lib_com\n', RENNES));
      expect(field.message).toMatch(/nom .*communes/);
    });

    it(`refuses more than ${QPV_IMPORT_MAX_LINES} lines`, () => {
      const csv = 'code;nom;communes\n' + 'QP038001;Mistral;38185\n'.repeat(QPV_IMPORT_MAX_LINES);
      expect(reasons(fieldsOf(() => analyseQpvCsv(csv, RENNES)))).toEqual([['csv', 'too_many_lines']]);
    });

    it('accepts exactly the maximum number of lines', () => {
      const csv = 'code;nom;communes\n' + 'QP038001;Mistral;38185\n'.repeat(QPV_IMPORT_MAX_LINES - 1);
      expect(analyseQpvCsv(csv, RENNES).skipped).toBe(QPV_IMPORT_MAX_LINES - 1);
    });

    it('refuses more than 5 MB', () => {
      const csv = `code;nom;communes\nQP035001;${'é'.repeat(QPV_IMPORT_MAX_BYTES / 2)};35238\n`;
      expect(reasons(fieldsOf(() => analyseQpvCsv(csv, RENNES)))).toEqual([['csv', 'too_large']]);
    });
  });
});

describe('checkNewQpv', () => {
  it('normalises code, name and communes and derives the generation', () => {
    expect(checkNewQpv({ code: ' qn03501m ', name: '  Maurepas   Gros Chêne ', communes: ['35238', ' 35281', '35238'] }, RENNES)).toEqual({
      code: 'QN03501M',
      generation: QpvGeneration.G2024,
      name: 'Maurepas Gros Chêne',
      communes: ['35238', '35281'],
    });
  });

  it.each([
    [{ code: 'QP35001' }, 'code', 'invalid_qpv_code'],
    [{ code: '' }, 'code', 'invalid_qpv_code'],
    [{ name: '   ' }, 'name', 'minLength'],
    [{ name: 'x'.repeat(201) }, 'name', 'maxLength'],
    [{ communes: ['3523'] }, 'communes', 'invalid_commune'],
    [{ communes: ['38185'] }, 'communes', 'outside_territory'],
    [{ communes: ['35238', '38185'] }, 'communes', 'outside_territory'],
    [{ code: 'QP093001' }, 'communes', 'departement_mismatch'],
  ])('refuses %p: %s %s', (change, field, reason) => {
    const draft = { code: 'QP035003', name: 'Maurepas', communes: ['35238'], ...change };
    expect(reasons(fieldsOf(() => checkNewQpv(draft, RENNES)))).toEqual([[field, reason]]);
  });

  it('names the commune outside the territory', () => {
    const [field] = fieldsOf(() => checkNewQpv({ code: 'QP035003', name: 'M', communes: ['35238', '38185'] }, RENNES));
    expect(field.message).toMatch(/38185/);
  });

  it('lists every invalid field at once', () => {
    const fields = fieldsOf(() => checkNewQpv({ code: 'nope', name: '', communes: ['93066'] }, RENNES));
    expect(reasons(fields)).toEqual([
      ['code', 'invalid_qpv_code'],
      ['name', 'minLength'],
      ['communes', 'outside_territory'],
    ]);
  });
});

describe('checkQpvChanges', () => {
  it('leaves absent and null fields unchanged', () => {
    expect(checkQpvChanges({}, RENNES, 'QP035003')).toEqual({ name: undefined, communes: undefined });
    expect(checkQpvChanges({ name: null, communes: null }, RENNES, 'QP035003')).toEqual({ name: undefined, communes: undefined });
  });

  it('checks new communes against the stored code', () => {
    expect(checkQpvChanges({ communes: ['35281'] }, RENNES, 'QP035003')).toEqual({ name: undefined, communes: ['35281'] });
    expect(reasons(fieldsOf(() => checkQpvChanges({ communes: ['35281'] }, RENNES, 'QP093001')))).toEqual([
      ['communes', 'departement_mismatch'],
    ]);
    expect(reasons(fieldsOf(() => checkQpvChanges({ name: ' ', communes: ['93066'] }, RENNES, 'QP035003')))).toEqual([
      ['name', 'minLength'],
      ['communes', 'outside_territory'],
    ]);
  });
});

describe('planQpvImport', () => {
  const imported = (code: string, name: string, communes: string[]): ImportedQpv => ({
    code,
    name,
    communes,
    generation: code.startsWith('QN') ? QpvGeneration.G2024 : QpvGeneration.G2015,
    line: 2,
  });
  const stored = (code: string, name: string, communes: string[], generation = QpvGeneration.G2015): StoredQpv => ({
    id: `id-${code}`,
    code,
    name,
    communes,
    generation,
  });

  it('creates new codes, updates changed ones and counts the rest as unchanged', () => {
    const plan = planQpvImport(
      [
        imported('QP035001', 'Cleunay', ['35238']),
        imported('QP035002', 'Le Blosne', ['35238', '35281']),
        imported('QP035003', 'Maurepas', ['35281', '35238']),
        imported('QP035004', 'Villejean', ['35238']),
      ],
      [
        stored('QP035002', 'Blosne', ['35238', '35281']),
        stored('QP035003', 'Maurepas', ['35238', '35281']),
        stored('QP035004', 'Villejean', ['35238'], QpvGeneration.G2024),
        stored('QP035099', 'Absent du fichier', ['35238']),
      ],
    );
    expect(plan.create.map((q) => q.code)).toEqual(['QP035001']);
    expect(plan.update.map((u) => [u.stored.id, u.next.name])).toEqual([
      ['id-QP035002', 'Le Blosne'],
      ['id-QP035004', 'Villejean'],
    ]);
    // The order of the communes is no change.
    expect(plan.unchanged.map((q) => q.id)).toEqual(['id-QP035003']);
  });
});
