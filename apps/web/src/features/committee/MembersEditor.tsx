import { FormEvent, useMemo, useState } from 'react';

import { ErrorMessage, Field } from '../../common/components';
import { dateTime, plural } from '../../common/format';
import { useGraphQLMutation } from '../../common/query';
import { graphql } from '../../gql';
import { COMMITTEE_KIND_PLURALS } from './committee-shared';
import { COMMITTEE, useCommittee } from './CommitteeContext';

const SET_MEMBERS = graphql(`
  mutation SetCommitteeMembers($input: SetCommitteeMembersInput!) {
    setCommitteeMembers(input: $input) {
      id
      quorum
      members {
        organisationId
        voting
      }
    }
  }
`);

const SAVE_DEFAULT = graphql(`
  mutation SaveCommitteeMembersAsDefault($committeeId: ID!) {
    saveCommitteeMembersAsDefault(committeeId: $committeeId) {
      savedAt
      quorum
      members {
        organisationId
        voting
      }
    }
  }
`);

/** What the served candidate says of an organisation, beside its name. */
function remarkOf(candidate: { funder: boolean; signatory: boolean } | undefined, fundsAnItem: boolean): string {
  if (!candidate) return 'Ni financeur ni signataire du contrat : à retirer';
  const parts = [
    candidate.funder && 'Financeur du contrat',
    candidate.signatory && 'Signataire du contrat',
    fundsAnItem && 'finance un point inscrit',
  ];
  return parts.filter(Boolean).join(' ; ');
}

/**
 * Members and the quorum, before the vote opens. The organisations offered are the API's candidates (the
 * contract's funders and signatories, `Committee.memberCandidates`): the rule is the API's, not copied here.
 * Each member's vote is ticked on its own. The saved membership may become the default of the committee's
 * kind on its contract (`saveCommitteeMembersAsDefault`), which new committees of that kind start with.
 */
export function MembersEditor() {
  const { siren, committee: c, nameOf, announce } = useCommittee();
  const membersKey = JSON.stringify(c.members.map((m) => [m.organisationId, m.voting]));
  const initial = useMemo(() => new Map(JSON.parse(membersKey) as [string, boolean][]), [membersKey]);
  const [members, setMembers] = useState<Map<string, boolean>>(initial);
  const [quorum, setQuorum] = useState(String(c.quorum));
  const [quorumError, setQuorumError] = useState<string | undefined>();
  const save = useGraphQLMutation(SET_MEMBERS, { tenant: siren, invalidates: [COMMITTEE] });
  // A new answer of the API resets the draft (adjusted while rendering, not in an effect).
  const [draftOf, setDraftOf] = useState({ initial, quorum: c.quorum });
  if (draftOf.initial !== initial || draftOf.quorum !== c.quorum) {
    if (draftOf.initial !== initial) setMembers(initial);
    if (draftOf.quorum !== c.quorum) setQuorum(String(c.quorum));
    setDraftOf({ initial, quorum: c.quorum });
  }
  const saveDefault = useGraphQLMutation(SAVE_DEFAULT, { tenant: siren, invalidates: [COMMITTEE] });
  const candidates = useMemo(() => new Map((c.memberCandidates ?? []).map((m) => [m.organisationId, m])), [c.memberCandidates]);
  // The candidates by name, then members the API no longer counts as candidates (to be removed).
  const rows: [string, string][] = [
    ...[...candidates.values()].map((m): [string, string] => [m.organisationId, m.name]),
    ...[...initial.keys()].filter((id) => !candidates.has(id)).map((id): [string, string] => [id, nameOf(id)]),
  ];
  const funders = new Set(c.agendaItems.flatMap((i) => i.lines.map((l) => l.funderId)));
  const missing = [...funders].filter((f) => !members.has(f) && candidates.has(f));
  const dirty = JSON.stringify([...members.entries()].sort()) !== JSON.stringify([...initial.entries()].sort());
  const kindPlural = COMMITTEE_KIND_PLURALS[c.kind];
  const saved = c.defaultMembership;

  const toggle = (orgId: string, member: boolean) =>
    setMembers((m) => {
      const next = new Map(m);
      // A new member has no vote until « Voix délibérative » is ticked too: being a member (attending) and
      // voting are two decisions, and the quorum counts only the second.
      if (member) next.set(orgId, next.get(orgId) ?? false);
      else next.delete(orgId);
      return next;
    });

  function submit(e: FormEvent) {
    e.preventDefault();
    const q = Number(quorum);
    if (!Number.isInteger(q) || q < 1) {
      setQuorumError('Le quorum est un nombre entier d’organisations, au moins 1.');
      return;
    }
    setQuorumError(undefined);
    const count = members.size;
    save.mutate(
      {
        input: {
          committeeId: c.id,
          quorum: q,
          members: [...members.entries()].map(([organisationId, voting]) => ({ organisationId, voting })),
        },
      },
      { onSuccess: () => announce(`Membres enregistrés : ${plural(count, 'organisation', 'organisations')}, quorum ${q}.`) },
    );
  }

  function saveAsDefault() {
    saveDefault.mutate(
      { committeeId: c.id },
      {
        onSuccess: (data) => {
          const n = data.saveCommitteeMembersAsDefault?.members.length ?? 0;
          const quorum = data.saveCommitteeMembersAsDefault?.quorum;
          announce(
            n > 0
              ? `Composition par défaut des ${kindPlural} enregistrée : ${plural(n, 'organisation', 'organisations')}${quorum != null ? `, quorum ${quorum}` : ''}.`
              : `Composition par défaut des ${kindPlural} supprimée.`,
          );
        },
      },
    );
  }

  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">Membres et quorum</h2>
      {c.membersFromDefault && (
        <p className="alert-soft">
          Membres et quorum repris de la composition par défaut des {kindPlural} de ce contrat ; vous pouvez les modifier.
        </p>
      )}
      <p className="muted">Seuls les financeurs et les signataires du contrat peuvent être membres.</p>
      <form onSubmit={submit} noValidate>
        <ErrorMessage error={save.error} context="operation" />
        {missing.length > 0 && (
          <p className="alert-soft">
            Financeurs de points inscrits qui ne sont pas membres : {missing.map((f) => nameOf(f)).join(', ')}.{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => setMembers((m) => new Map([...m, ...missing.map((f): [string, boolean] => [f, true])]))}
            >
              Les ajouter comme membres votants
            </button>
          </p>
        )}
        <div className="table-scroll">
          <table className="compact">
            <caption className="sr-only">Financeurs et signataires du contrat : membres du comité et voix délibérative</caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Membre</th>
                <th scope="col">Voix délibérative</th>
                <th scope="col">Remarque</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([orgId, name]) => (
                <tr key={orgId}>
                  <th scope="row">{name}</th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Membre : ${name}`}
                      checked={members.has(orgId)}
                      onChange={(e) => toggle(orgId, e.target.checked)}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Voix délibérative : ${name}`}
                      disabled={!members.has(orgId)}
                      checked={members.get(orgId) ?? false}
                      onChange={(e) => setMembers((m) => new Map(m).set(orgId, e.target.checked))}
                    />
                  </td>
                  <td className="muted">{remarkOf(candidates.get(orgId), funders.has(orgId))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="toolbar">
          <Field label="Quorum (organisations votantes)" error={quorumError}>
            {(p) => (
              <input {...p} type="number" min={1} step={1} inputMode="numeric" value={quorum} onChange={(e) => setQuorum(e.target.value)} />
            )}
          </Field>
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? 'Enregistrement…' : 'Enregistrer les membres et le quorum'}
          </button>
        </div>
      </form>
      <h3>Composition par défaut</h3>
      <ErrorMessage error={saveDefault.error} context="operation" />
      <p>
        {saved
          ? `Composition par défaut des ${kindPlural} de ce contrat : ${plural(saved.members.length, 'organisation', 'organisations')}, enregistrée le ${dateTime(saved.savedAt)}. Chaque nouveau comité de cette nature commence avec elle.`
          : `Aucune composition par défaut pour les ${kindPlural} de ce contrat : un nouveau comité commence sans membre.`}
      </p>
      <div className="toolbar">
        <button
          type="button"
          onClick={saveAsDefault}
          disabled={dirty || saveDefault.isPending}
          aria-describedby={dirty ? 'default-dirty' : undefined}
        >
          {saveDefault.isPending ? 'Enregistrement…' : `Enregistrer comme composition par défaut des ${kindPlural}`}
        </button>
        {dirty && (
          <p id="default-dirty" className="muted">
            Enregistrez d’abord les membres : la composition enregistrée devient la composition par défaut.
          </p>
        )}
      </div>
    </section>
  );
}
