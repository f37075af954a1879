import {
  balancePercent,
  conventionHash,
  ConventionTextData,
  orderFunders,
  renderConventionText,
  schedulePayments,
  splitPayment,
} from './convention-text';

const data = (): ConventionTextData => ({
  versionNumber: 1,
  reason: null,
  territoryName: 'Rennes Métropole',
  contrat: { title: 'Contrat de ville de Rennes Métropole 2024-2030', startYear: 2024, endYear: 2030 },
  pillar: { title: 'Cohésion sociale' },
  objective: { code: '1.2', title: "Favoriser l'insertion des jeunes" },
  action: {
    reference: 'PIL-243500139-0001',
    title: "L'Autre Boutique",
    startDate: '2025-01-01',
    endDate: '2025-12-31',
    totalBudgetCents: 26418500n,
  },
  porteur: { id: 'p', name: "L'Autre Boutique" },
  funders: [
    { organisationId: 'b', name: 'Région Bretagne', amountCents: 1000000n, advancePercent: 50, tranches: [], bilanDueDate: null },
    {
      organisationId: 'a',
      name: "Département d'Ille-et-Vilaine",
      amountCents: 333333n,
      advancePercent: 30,
      tranches: [],
      bilanDueDate: null,
    },
  ],
});

describe('canonical convention text', () => {
  it('renders the same text and hash for the same data, whatever the order of funders', () => {
    const a = renderConventionText(data());
    const reversed = { ...data(), funders: [...data().funders].reverse() };
    expect(renderConventionText(reversed)).toBe(a);
    expect(conventionHash(renderConventionText(reversed))).toBe(conventionHash(a));
    expect(conventionHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes amounts the French way and the schedule per funder', () => {
    const text = renderConventionText(data());
    expect(text).toContain('- Région Bretagne : 10\u202f000,00 €');
    expect(text).toContain('avance de 30 % à la signature, soit 999,99 € ; solde de 70 %, soit 2\u202f333,34 €, après réception du bilan.');
    expect(text).toContain('Total des financements accordés : 13\u202f333,33 €.');
    expect(text.indexOf('Département')).toBeLessThan(text.indexOf('- Région'));
    expect(text).not.toMatch(/\d{2}:\d{2}/);
  });

  it('changes the hash when anything signed changes', () => {
    const base = conventionHash(renderConventionText(data()));
    const changes: ConventionTextData[] = [
      { ...data(), versionNumber: 2, reason: 'Report de calendrier' },
      { ...data(), funders: [{ ...data().funders[0], advancePercent: 40 }, data().funders[1]] },
      { ...data(), funders: [{ ...data().funders[0], amountCents: 1000001n }, data().funders[1]] },
      { ...data(), action: { ...data().action, endDate: '2026-06-30' } },
    ];
    for (const changed of changes) expect(conventionHash(renderConventionText(changed))).not.toBe(base);
    expect(renderConventionText(changes[0])).toContain("Version 2 (avenant n° 1)\nMotif de l'avenant : Report de calendrier");
  });

  it('is a known hash for known data (a regression guard: signed hashes must never drift)', () => {
    expect(conventionHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(renderConventionText({ ...data(), reason: 'a\r\nb  ', versionNumber: 2 })).toContain("Motif de l'avenant : a\nb");
  });

  it('splits a payment into an advance rounded down and the balance', () => {
    expect(splitPayment(1001n, 50)).toEqual({ advanceCents: 500n, balanceCents: 501n });
    expect(splitPayment(1000n, 0)).toEqual({ advanceCents: 0n, balanceCents: 1000n });
    expect(splitPayment(1000n, 100)).toEqual({ advanceCents: 1000n, balanceCents: 0n });
    expect(() => splitPayment(1000n, 101)).toThrow();
  });

  it('orders funders by name then id', () => {
    const rows = [
      { organisationId: '2', name: 'CAF' },
      { organisationId: '1', name: 'CAF' },
      { organisationId: '0', name: 'Agence' },
    ];
    expect(orderFunders(rows).map((r) => r.organisationId)).toEqual(['0', '1', '2']);
  });
});

describe('convention text for a préfecture', () => {
  const text = () => renderConventionText(data());

  it('names the territory and the parties, never by SIREN, with civil dates in words', () => {
    expect(text()).toContain('Contrat de ville de Rennes Métropole');
    expect(text()).not.toContain('SIREN');
    expect(text()).not.toContain('territoire 243500139');
    expect(text()).toContain('du 1er janvier 2025 au 31 décembre 2025');
    expect(text()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('elides « de » before a name that starts with a vowel or a mute h, and contracts « Le »', () => {
    const angers = renderConventionText({ ...data(), territoryName: 'Angers Loire Métropole' });
    expect(angers).toContain("\nContrat de ville d'Angers Loire Métropole\n");
    expect(angers).toContain("(2024-2030) d'Angers Loire Métropole ;");
    expect(angers).not.toContain('de Angers');
    expect(renderConventionText({ ...data(), territoryName: 'Le Havre Seine Métropole' })).toContain(
      '\nContrat de ville du Havre Seine Métropole\n',
    );
    expect(renderConventionText({ ...data(), territoryName: 'Hérault Méditerranée' })).toContain("Contrat de ville d'Hérault Méditerranée");
    expect(renderConventionText({ ...data(), territoryName: 'Hautes Terres Communauté' })).toContain('Contrat de ville de Hautes Terres');
  });

  it('cites the law and the contrat de ville it implements, and the action’s objective', () => {
    expect(text()).toContain('Vu la loi n° 2014-173 du 21 février 2014 de programmation pour la ville et la cohésion urbaine ;');
    expect(text()).toContain('Vu le contrat de ville « Contrat de ville de Rennes Métropole 2024-2030 » (2024-2030) de Rennes Métropole ;');
    expect(text()).toContain("Elle poursuit l'objectif opérationnel 1.2 « Favoriser l'insertion des jeunes ».");
    expect(renderConventionText({ ...data(), objective: null })).toContain('ne se rattache à aucun objectif opérationnel');
  });

  it('lists the indicators after the objective, targets in French, in the given order', () => {
    const t = renderConventionText({
      ...data(),
      indicators: [
        { label: 'Jeunes accompagnés vers l’emploi', target: '40.00', unit: 'personnes' },
        { label: ' Sorties positives ', target: '62.50', unit: '%' },
        { label: 'Ateliers collectifs', target: 12, unit: '' },
        { label: 'Heures de tutorat', target: '1500.25', unit: 'heures' },
      ],
    });
    expect(t).toContain(
      "Elle poursuit l'objectif opérationnel 1.2 « Favoriser l'insertion des jeunes ».\n" +
        'Indicateurs de suivi :\n' +
        '- Jeunes accompagnés vers l’emploi : 40 personnes\n' +
        '- Sorties positives : 62,5 %\n' +
        '- Ateliers collectifs : 12\n' +
        '- Heures de tutorat : 1\u202f500,25 heures\n' +
        '\nArticle 3 – Engagements des financeurs',
    );
    expect(t.indexOf('Indicateurs de suivi')).toBeGreaterThan(t.indexOf('Article 2 – Objectifs'));
  });

  it('says so when no indicator was set, and says nothing of them for data without the list (versions drafted before)', () => {
    const none = renderConventionText({ ...data(), indicators: [] });
    expect(none).toContain(
      "Elle poursuit l'objectif opérationnel 1.2 « Favoriser l'insertion des jeunes ».\nAucun indicateur de suivi n'a été fixé pour cette action.\n",
    );
    expect(none).not.toContain('Indicateurs de suivi :');
    expect(renderConventionText(data())).not.toContain('indicateur');
  });

  it('changes the hash when an indicator changes', () => {
    const one = (target: string) => ({ ...data(), indicators: [{ label: 'Jeunes', target, unit: 'personnes' }] });
    expect(conventionHash(renderConventionText(one('40.00')))).not.toBe(conventionHash(renderConventionText(one('41.00'))));
    expect(renderConventionText(one('40.00'))).toBe(renderConventionText(one('40')));
  });

  it('writes each funder’s own schedule: advance, dated or conditioned tranches, balance after its bilan', () => {
    const withTranches: ConventionTextData = {
      ...data(),
      funders: [
        {
          ...data().funders[0],
          advancePercent: 30,
          tranches: [
            { percent: 40, dueDate: '2025-06-01', condition: null },
            { percent: 10, dueDate: null, condition: 'à la remise du bilan intermédiaire' },
          ],
          bilanDueDate: '2026-03-31',
        },
        data().funders[1],
      ],
    };
    const t = renderConventionText(withTranches);
    expect(t).toContain(
      '- Région Bretagne (10\u202f000,00 €) : avance de 30 % à la signature, soit 3\u202f000,00 € ; tranche 1 de 40 % le 1er juin 2025, soit 4\u202f000,00 € ; ' +
        'tranche 2 de 10 % à la remise du bilan intermédiaire, soit 1\u202f000,00 € ; solde de 20 %, soit 2\u202f000,00 €, après réception du bilan (à remettre au plus tard le 31 mars 2026).',
    );
    expect(t).toContain(
      "- Département d'Ille-et-Vilaine (3\u202f333,33 €) : avance de 30 % à la signature, soit 999,99 € ; solde de 70 %, soit 2\u202f333,34 €, après réception du bilan.",
    );
    expect(conventionHash(t)).not.toBe(conventionHash(text()));
  });

  it('splits a schedule so that the parts add up to the amount', () => {
    const parts = schedulePayments(1001n, {
      advancePercent: 33,
      tranches: [
        { percent: 33, dueDate: '2025-01-01', condition: null },
        { percent: 1, dueDate: null, condition: 'x' },
      ],
    });
    expect(parts).toEqual({ advanceCents: 330n, trancheCents: [330n, 10n], balanceCents: 331n });
    expect(balancePercent({ advancePercent: 50, tranches: [{ percent: 60, dueDate: null, condition: 'x' }] })).toBe(-10);
    expect(() => schedulePayments(100n, { advancePercent: 50, tranches: [{ percent: 60, dueDate: null, condition: 'x' }] })).toThrow();
  });
});
