import { FormEvent, useState } from 'react';

import { ErrorMessage, Loading } from '../../common/components';
import { euros, plural } from '../../common/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { graphql } from '../../gql';
import { AgendaItemView } from './AgendaItemView';
import { COMMITTEE, Item, useCommittee } from './CommitteeContext';

const QUEUE = graphql(`
  query ArbitrationQueue($contratId: ID!) {
    actions(first: 100, filter: { contratId: $contratId, status: [A_ARBITRER] }) {
      nodes {
        id
        title
        reference
        porteur {
          name
        }
        fundingTotals {
          requestedCents
        }
        openCommitteeId
      }
    }
  }
`);
const ADD_ITEMS = graphql(`
  mutation AddAgendaItems($committeeId: ID!, $actionIds: [ID!]!) {
    addAgendaItems(committeeId: $committeeId, actionIds: $actionIds) {
      id
    }
  }
`);
const REMOVE_ITEM = graphql(`
  mutation RemoveAgendaItem($agendaItemId: ID!) {
    removeAgendaItem(agendaItemId: $agendaItemId) {
      id
    }
  }
`);

/** The agenda, and the actions waiting for arbitration that are on no other open committee. */
export function AgendaEditor() {
  const { siren, committee: c, announce } = useCommittee();
  const queue = useGraphQLQuery(QUEUE, { contratId: c.contratId }, { tenant: siren });
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  // The queue changes with the agenda (an item removed returns to it, an item added leaves it).
  const add = useGraphQLMutation(ADD_ITEMS, { tenant: siren, invalidates: [COMMITTEE, QUEUE] });
  const remove = useGraphQLMutation(REMOVE_ITEM, { tenant: siren, invalidates: [COMMITTEE, QUEUE] });
  // An action waits for one open committee at a time (the API says which: openCommitteeId).
  const waiting = (queue.data?.actions.nodes ?? []).filter((a) => !a.openCommitteeId);

  function removeItem(item: Item) {
    // One message for the agenda's operations: the last one's.
    add.reset();
    remove.mutate(
      { agendaItemId: item.id },
      { onSuccess: () => announce(`« ${item.action.title} » est retiré de l'ordre du jour et retourne dans la file à arbitrer.`) },
    );
  }

  function addItems(e: FormEvent) {
    e.preventDefault();
    if (chosen.size === 0) return;
    remove.reset();
    const count = chosen.size;
    add.mutate(
      { committeeId: c.id, actionIds: [...chosen] },
      {
        onSuccess: () => {
          announce(`${plural(count, 'action inscrite', 'actions inscrites')} à l'ordre du jour.`);
          setChosen(new Set());
        },
      },
    );
  }

  return (
    <section aria-labelledby="agenda-title">
      <h2 id="agenda-title">Ordre du jour</h2>
      <ErrorMessage error={add.error ?? remove.error} context="operation" />
      {c.agendaItems.length === 0 ? (
        <p>Aucun point inscrit : choisissez des actions dans la file à arbitrer.</p>
      ) : (
        <ol className="agenda">
          {c.agendaItems.map((item) => (
            <AgendaItemView
              key={item.id}
              item={item}
              showVotes={false}
              actions={
                <button type="button" className="secondary" onClick={() => removeItem(item)}>
                  Retirer « {item.action.reference} » de l'ordre du jour
                </button>
              }
            />
          ))}
        </ol>
      )}
      <h3 id="queue-title">File à arbitrer</h3>
      <ErrorMessage error={queue.error} />
      {queue.isLoading && <Loading />}
      {queue.data &&
        (waiting.length === 0 ? (
          <p>Aucune action à arbitrer en attente d'un comité.</p>
        ) : (
          <form onSubmit={addItems} aria-labelledby="queue-title">
            <fieldset>
              <legend>Actions à arbitrer, inscrites à aucun comité ouvert</legend>
              <ul className="plain">
                {waiting.map((a) => (
                  <li key={a.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={chosen.has(a.id)}
                        onChange={(e) =>
                          setChosen((s) => {
                            const next = new Set(s);
                            if (e.target.checked) next.add(a.id);
                            else next.delete(a.id);
                            return next;
                          })
                        }
                      />{' '}
                      {a.reference} — {a.title}{' '}
                      <span className="muted">
                        ({a.porteur.name}, {euros(a.fundingTotals.requestedCents)} demandés)
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <button type="submit" disabled={add.isPending || chosen.size === 0}>
              {add.isPending ? 'Inscription…' : "Inscrire à l'ordre du jour"}
            </button>
          </form>
        ))}
    </section>
  );
}
