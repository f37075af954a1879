import { FormEvent, useMemo, useState } from 'react';

import { ErrorMessage, Field } from '../../common/components';
import { plural } from '../../common/format';
import { useGraphQLMutation } from '../../common/query';
import { graphql } from '../../gql';
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

/** Members (any partner organisation, voting or not) and the quorum, before the vote opens. */
export function MembersEditor() {
  const { siren, committee: c, organisations, nameOf, announce } = useCommittee();
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
  const funders = new Set(c.agendaItems.flatMap((i) => i.lines.map((l) => l.funderId)));
  const missing = [...funders].filter((f) => !members.has(f));

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

  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">Membres et quorum</h2>
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
            <caption className="sr-only">Organisations partenaires : membres du comité et voix délibérative</caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Membre</th>
                <th scope="col">Voix délibérative</th>
                <th scope="col">Remarque</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map(([orgId, name]) => (
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
                  <td className="muted">{funders.has(orgId) ? 'Finance un point inscrit' : ''}</td>
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
    </section>
  );
}
