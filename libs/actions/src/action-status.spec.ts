import {
  ACTION_STATUS_LABELS,
  ACTION_TRANSITIONS,
  ActionStatus,
  allowedTransitions,
  canTransition,
  DECIDED_ELSEWHERE,
  EDITABLE_STATUSES,
  isEditable,
  manualTransitions,
  nextStepsDecidedElsewhere,
} from './action-status';

const S = ActionStatus;
const ALL = Object.values(ActionStatus);

/** The life of an action, written out edge by edge. */
const EXPECTED_ALLOWED: [ActionStatus, ActionStatus][] = [
  [S.BROUILLON, S.DEPOSEE],
  [S.BROUILLON, S.ABANDONNEE],
  [S.DEPOSEE, S.EN_INSTRUCTION],
  [S.DEPOSEE, S.BROUILLON],
  [S.DEPOSEE, S.ABANDONNEE],
  [S.EN_INSTRUCTION, S.A_ARBITRER],
  [S.EN_INSTRUCTION, S.DEPOSEE],
  [S.EN_INSTRUCTION, S.ABANDONNEE],
  [S.A_ARBITRER, S.PROGRAMMEE],
  [S.A_ARBITRER, S.PARTIELLEMENT_PROGRAMMEE],
  [S.A_ARBITRER, S.REFUSEE],
  [S.A_ARBITRER, S.EN_INSTRUCTION],
  [S.A_ARBITRER, S.ABANDONNEE],
  [S.PROGRAMMEE, S.CONVENTIONNEE],
  [S.PROGRAMMEE, S.PARTIELLEMENT_PROGRAMMEE],
  [S.PROGRAMMEE, S.REFUSEE],
  [S.PROGRAMMEE, S.ABANDONNEE],
  [S.PARTIELLEMENT_PROGRAMMEE, S.CONVENTIONNEE],
  [S.PARTIELLEMENT_PROGRAMMEE, S.PROGRAMMEE],
  [S.PARTIELLEMENT_PROGRAMMEE, S.REFUSEE],
  [S.PARTIELLEMENT_PROGRAMMEE, S.ABANDONNEE],
  [S.REFUSEE, S.PROGRAMMEE],
  [S.REFUSEE, S.PARTIELLEMENT_PROGRAMMEE],
  [S.CONVENTIONNEE, S.EN_COURS],
  [S.CONVENTIONNEE, S.ABANDONNEE],
  [S.EN_COURS, S.BILAN_ATTENDU],
  [S.EN_COURS, S.ABANDONNEE],
  [S.BILAN_ATTENDU, S.SOLDEE],
  [S.BILAN_ATTENDU, S.ABANDONNEE],
];

describe('action life cycle', () => {
  it.each(EXPECTED_ALLOWED)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it('allows nothing else (the table has exactly the expected edges)', () => {
    const expected = new Set(EXPECTED_ALLOWED.map(([from, to]) => `${from}>${to}`));
    const refused: string[] = [];
    for (const from of ALL) {
      for (const to of ALL) {
        const key = `${from}>${to}`;
        expect([key, canTransition(from, to)]).toEqual([key, expected.has(key)]);
        if (!expected.has(key)) refused.push(key);
      }
    }
    expect(refused).toHaveLength(ALL.length * ALL.length - EXPECTED_ALLOWED.length);
  });

  it.each([
    [S.BROUILLON, S.PROGRAMMEE],
    [S.BROUILLON, S.EN_INSTRUCTION],
    [S.DEPOSEE, S.A_ARBITRER],
    [S.EN_INSTRUCTION, S.PROGRAMMEE],
    [S.A_ARBITRER, S.CONVENTIONNEE],
    [S.PROGRAMMEE, S.A_ARBITRER],
    [S.REFUSEE, S.CONVENTIONNEE],
    [S.REFUSEE, S.ABANDONNEE],
    [S.CONVENTIONNEE, S.PROGRAMMEE],
    [S.EN_COURS, S.SOLDEE],
    [S.BILAN_ATTENDU, S.EN_COURS],
    [S.REFUSEE, S.A_ARBITRER],
    [S.SOLDEE, S.ABANDONNEE],
  ])('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('never allows staying in place', () => {
    for (const status of ALL) expect(canTransition(status, status)).toBe(false);
  });

  it.each([S.SOLDEE, S.ABANDONNEE])('%s is terminal', (status) => {
    expect(ACTION_TRANSITIONS[status]).toEqual([]);
    for (const to of ALL) expect(canTransition(status, to)).toBe(false);
  });

  it('leaves a refused action only through a corrected decision, never by hand', () => {
    expect(manualTransitions(S.REFUSEE)).toEqual([]);
    expect(ACTION_TRANSITIONS[S.REFUSEE].every((to) => to in DECIDED_ELSEWHERE)).toBe(true);
  });

  it('lets every living state be abandoned', () => {
    const terminal = new Set([S.REFUSEE, S.SOLDEE, S.ABANDONNEE]);
    for (const status of ALL.filter((s) => !terminal.has(s))) expect(canTransition(status, S.ABANDONNEE)).toBe(true);
  });

  it('reaches SOLDEE from BROUILLON along the main path', () => {
    const path = [
      S.BROUILLON,
      S.DEPOSEE,
      S.EN_INSTRUCTION,
      S.A_ARBITRER,
      S.PROGRAMMEE,
      S.CONVENTIONNEE,
      S.EN_COURS,
      S.BILAN_ATTENDU,
      S.SOLDEE,
    ];
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1], path[i])).toBe(true);
  });

  it('keeps the dossier editable only before the committee', () => {
    expect([...EDITABLE_STATUSES].sort()).toEqual([S.BROUILLON, S.DEPOSEE, S.EN_INSTRUCTION].sort());
  });

  it('has a French label for every state', () => {
    for (const status of ALL) expect(ACTION_STATUS_LABELS[status]).toMatch(/^[a-zàâéèêîôûç ]+$/);
  });
});

describe('steps decided elsewhere', () => {
  it('keeps the committee and signature outcomes out of the manual transitions', () => {
    expect(manualTransitions(ActionStatus.A_ARBITRER)).toEqual([ActionStatus.EN_INSTRUCTION, ActionStatus.ABANDONNEE]);
    expect(manualTransitions(ActionStatus.PROGRAMMEE)).toEqual([ActionStatus.ABANDONNEE]);
    expect(manualTransitions(ActionStatus.CONVENTIONNEE)).toEqual([ActionStatus.EN_COURS, ActionStatus.ABANDONNEE]);
    for (const to of Object.keys(DECIDED_ELSEWHERE)) {
      for (const from of Object.values(ActionStatus)) expect(manualTransitions(from)).not.toContain(to);
    }
  });

  it('offers the manual steps to a caller who manages actions, and none to anyone else', () => {
    for (const from of ALL) {
      expect(allowedTransitions(from, true)).toEqual(manualTransitions(from));
      expect(allowedTransitions(from, false)).toEqual([]);
    }
    expect(allowedTransitions(S.A_ARBITRER, true)).toEqual([S.EN_INSTRUCTION, S.ABANDONNEE]);
  });

  it('calls an action editable only for a manager, and only before the committee', () => {
    expect(ALL.filter((s) => isEditable(s, true)).sort()).toEqual([S.BROUILLON, S.DEPOSEE, S.EN_INSTRUCTION].sort());
    expect(ALL.filter((s) => isEditable(s, false))).toEqual([]);
  });

  it('says where the next steps are decided by a committee or a signature', () => {
    expect(ALL.filter((s) => nextStepsDecidedElsewhere(s)).sort()).toEqual(
      [S.A_ARBITRER, S.PROGRAMMEE, S.PARTIELLEMENT_PROGRAMMEE, S.REFUSEE].sort(),
    );
  });
});
