import { CONTROL_CHARACTER_REASON, controlCharacterProblem, findControlCharacters } from './text-hygiene';

describe('controlCharacterProblem', () => {
  it('refuses NUL and every other C0 control character, in any field', () => {
    for (let code = 0; code < 0x20; code++) {
      if (code === 0x09 || code === 0x0a || code === 0x0d) continue;
      const char = String.fromCharCode(code);
      const expected = `caractère de contrôle U+${code.toString(16).toUpperCase().padStart(4, '0')} interdit`;
      expect([code, controlCharacterProblem(`a${char}b`, false)]).toEqual([code, expected]);
      expect([code, controlCharacterProblem(`a${char}b`, true)]).toEqual([code, expected]);
    }
  });

  it('refuses tab and line breaks in a single-line field', () => {
    expect(controlCharacterProblem('a\tb', false)).toBe('tabulation interdite : ce champ tient sur une seule ligne');
    expect(controlCharacterProblem('a\nb', false)).toBe('retour à la ligne interdit : ce champ tient sur une seule ligne');
    expect(controlCharacterProblem('a\r\nb', false)).toBe('retour à la ligne interdit : ce champ tient sur une seule ligne');
  });

  it('keeps tab, LF, CRLF and a bare CR (old Mac files) in a multi-line field', () => {
    expect(controlCharacterProblem('ligne 1\nligne 2\r\n\tfin\r\n', true)).toBeNull();
    expect(controlCharacterProblem('code;nom\rQN03502M;Le Blosne\r', true)).toBeNull();
  });

  it('accepts ordinary text: accents, emoji, no-break space', () => {
    expect(controlCharacterProblem('Cohésion sociale — « quartiers » 🏙️ \u00a0', false)).toBeNull();
    expect(controlCharacterProblem('', false)).toBeNull();
  });
});

describe('findControlCharacters', () => {
  it('names each refused text by its path in nested objects and lists', () => {
    const value = {
      name: 'ok',
      lines: [{ label: 'a\u0000' }, { label: 'b' }],
      tags: ['x', 'y\n'],
      deep: { note: 'l1\nl2' },
      n: 3,
      none: null,
    };
    const multiLine = (path: string) => path === 'deep.note';
    expect(findControlCharacters(value, '', multiLine)).toEqual([
      { field: 'lines.0.label', reason: CONTROL_CHARACTER_REASON, message: 'caractère de contrôle U+0000 interdit' },
      { field: 'tags.1', reason: CONTROL_CHARACTER_REASON, message: 'retour à la ligne interdit : ce champ tient sur une seule ligne' },
    ]);
  });

  it('names a bare string by the given field', () => {
    expect(findControlCharacters('3\u00005', 'departement').map((e) => e.field)).toEqual(['departement']);
    expect(findControlCharacters(42, 'x')).toEqual([]);
  });

  it('refuses DEL, the C1 controls and the bidirectional overrides in any field, and keeps LRM and RLM', () => {
    for (const multiLine of [false, true]) {
      expect(controlCharacterProblem('Montant\u007f', multiLine)).toBe('caractère de contrôle U+007F interdit');
      expect(controlCharacterProblem('\u0085suite', multiLine)).toBe('caractère de contrôle U+0085 interdit');
      expect(controlCharacterProblem('Subvention \u202e00 001\u202c €', multiLine)).toBe('caractère de contrôle U+202E interdit');
      expect(controlCharacterProblem('\u2066isolé\u2069', multiLine)).toBe('caractère de contrôle U+2066 interdit');
      expect(controlCharacterProblem('Association \u200fالأمل\u200e Rennes', multiLine)).toBeNull();
    }
  });
});
