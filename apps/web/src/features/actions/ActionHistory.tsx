import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';

import { ErrorMessage, Loading, Pager } from '../../common/components';
import { dateTime } from '../../common/format';
import { useGraphQLQuery } from '../../common/query';
import type { ActionHistoryQuery } from '../../gql/graphql';
import { ACTION_HISTORY } from './action-queries';

type Entry = NonNullable<ActionHistoryQuery['action']>['history']['nodes'][number];

const PAGE_SIZE = 20;

/** One change, as a sentence part: « Intitulé : « avant » → « après » ». */
function changeText(c: Entry['changes'][number]): string {
  if (c.before === null && c.after === null) return `${c.label} : modifié`;
  if (c.before === null) return `${c.label} : ${c.after}`;
  if (c.after === null) return `${c.label} : ${c.before} (supprimé)`;
  return `${c.label} : ${c.before} → ${c.after}`;
}

/**
 * The action's history, served by the API from the audit trail (the action, its financing plan, its avis,
 * the committees' decisions, its convention): who, when, what changed, the comment; newest first, by pages.
 */
export function ActionHistory({ siren, actionId }: { siren: string; actionId: string }) {
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors[cursors.length - 1] ?? null;
  const history = useGraphQLQuery(ACTION_HISTORY, { id: actionId, first: PAGE_SIZE, after }, { tenant: siren });
  const page = history.data?.action.history;
  const title = useRef<HTMLHeadingElement>(null);
  const goTo = (next: string[]) => {
    setCursors(next);
    title.current?.focus();
  };
  return (
    <section aria-labelledby="history-title" className="history">
      <h2 id="history-title" ref={title} tabIndex={-1}>
        Historique{cursors.length > 0 ? ` — page ${cursors.length + 1}` : ''}
      </h2>
      <ErrorMessage error={history.error} />
      {history.isPending && <Loading />}
      {page &&
        (page.nodes.length === 0 ? (
          <p className="muted">Aucun événement pour l'instant.</p>
        ) : (
          <ol className="plain history-list">
            {page.nodes.map((e) => (
              <li key={e.id}>
                <article aria-label={`${e.summary}, ${dateTime(e.occurredAt)}`}>
                  <p>
                    <strong>{e.summary}</strong>
                    {e.subject !== 'Action' && <> · {e.subject}</>}
                  </p>
                  <p className="muted">
                    Le {dateTime(e.occurredAt)} par {e.actorName ?? 'Pilotis (automatique)'}
                  </p>
                  {e.redacted ? (
                    <p className="muted">Contenu caviardé.</p>
                  ) : (
                    e.changes.length > 0 && (
                      <ul>
                        {e.changes.map((c) => (
                          <li key={c.label}>{changeText(c)}</li>
                        ))}
                      </ul>
                    )
                  )}
                  {e.comment && <blockquote>« {e.comment} »</blockquote>}
                  {e.committeeId && (
                    <p>
                      <Link to={`/t/${siren}/comites/${e.committeeId}`}>Voir le comité</Link>
                    </p>
                  )}
                  {e.conventionId && (
                    <p>
                      <Link to={`/t/${siren}/conventions?action=${actionId}`}>Voir la convention</Link>
                    </p>
                  )}
                </article>
              </li>
            ))}
          </ol>
        ))}
      <Pager label="Pages de l'historique" cursors={cursors} pageInfo={page?.pageInfo} loading={history.isPending} onGoTo={goTo} />
    </section>
  );
}
