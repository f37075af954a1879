import { renderDigest } from './digest-sender';

const item = (title: string, id: string) => ({
  title,
  link: `https://pilotis.example/echeances/${id}`,
  dueDate: '2027-06-30',
  escalation: false,
});

describe('the digest e-mail', () => {
  it('has one section per territory, its name as heading, and counts every reminder in the subject', () => {
    const mail = renderDigest({
      displayName: 'Alice Martin',
      senderName: 'Pilotis',
      digestDate: '2027-06-23',
      sections: [
        { territory: 'Plaine Commune', items: [item('J-7 · Bilan 2026 de PIL-1', 'a')] },
        { territory: 'Rennes Métropole', items: [item('J-7 · Bilan 2026 de PIL-2', 'b'), item('J-30 · Solde', 'c')] },
      ],
    });
    expect(mail.subject).toBe('3 échéances à suivre dans 2 territoires — 23 juin 2027');
    expect(mail.text).toBe(
      [
        'Bonjour Alice Martin,',
        '',
        "Voici les 3 échéances qui vous concernent aujourd'hui dans 2 territoires :",
        '',
        'Plaine Commune',
        '- J-7 · Bilan 2026 de PIL-1',
        '  https://pilotis.example/echeances/a',
        '',
        'Rennes Métropole',
        '- J-7 · Bilan 2026 de PIL-2',
        '  https://pilotis.example/echeances/b',
        '- J-30 · Solde',
        '  https://pilotis.example/echeances/c',
        '',
        "— Pilotis. Vous recevez au plus un courriel par jour pour l'ensemble de vos territoires ; vos relances sont aussi dans l'application, territoire par territoire.",
      ].join('\n'),
    );
    expect(mail.html).toContain(
      '<h2>Plaine Commune</h2>\n<ul>\n<li><a href="https://pilotis.example/echeances/a">J-7 · Bilan 2026 de PIL-1</a></li>\n</ul>',
    );
  });

  it('speaks in the singular for one reminder of one territory, signed by that territory', () => {
    const mail = renderDigest({
      displayName: 'Bob',
      senderName: 'Rennes Métropole — politique de la ville',
      digestDate: '2027-01-01',
      sections: [{ territory: 'Rennes Métropole', items: [item('Jour J · Comité', 'd')] }],
    });
    expect(mail.subject).toBe('1 échéance à suivre — 1er janvier 2027');
    expect(mail.text).toContain("Voici l'échéance qui vous concerne aujourd'hui :\n\nRennes Métropole\n- Jour J · Comité");
    expect(mail.text).toContain('— Rennes Métropole — politique de la ville (Pilotis). Vous recevez au plus un courriel par jour ;');
  });

  it('leaves out a territory with nothing left, and escapes what it puts in HTML', () => {
    const mail = renderDigest({
      displayName: 'Chloé <script>',
      senderName: 'Pilotis',
      digestDate: '2027-06-23',
      sections: [
        { territory: 'Plaine Commune', items: [] },
        { territory: 'Saint-Étienne & Co "test"', items: [item('<b>Bilan</b>', 'e')] },
      ],
    });
    expect(mail.subject).toBe('1 échéance à suivre — 23 juin 2027');
    expect(mail.text).not.toContain('Plaine Commune');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('<h2>Saint-Étienne &#38; Co &#34;test&#34;</h2>');
    expect(mail.html).toContain('&#60;b&#62;Bilan&#60;/b&#62;');
  });
});
