import { conventionHash, ConventionTextData, orderFunders, renderConventionText, splitPayment } from './convention-text';

const data = (): ConventionTextData => ({
  versionNumber: 1,
  reason: null,
  territorySiren: '243500139',
  action: {
    reference: 'PIL-243500139-0001',
    title: "L'Autre Boutique",
    startDate: '2025-01-01',
    endDate: '2025-12-31',
    totalBudgetCents: 26418500n,
  },
  porteur: { id: 'p', name: "L'Autre Boutique" },
  funders: [
    { organisationId: 'b', name: 'Région Bretagne', amountCents: 1000000n, advancePercent: 50 },
    { organisationId: 'a', name: "Département d'Ille-et-Vilaine", amountCents: 333333n, advancePercent: 30 },
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
    expect(text).toContain('avance de 30 % à la signature, soit 999,99 € ; solde de 2\u202f333,34 € après réception du bilan.');
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
