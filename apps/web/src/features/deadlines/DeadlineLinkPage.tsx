import { useEffect, useState } from 'react';
import { Navigate, useParams } from 'react-router-dom';

import { ApiError, request } from '../../common/api';
import { ErrorMessage, Loading } from '../../common/components';
import { asApiError } from '../../common/errors';
import { useSession } from '../../common/session';
import { graphql } from '../../gql';
import { DeadlineNotFound } from './DeadlinePage';

const PROBE = graphql(`
  query DeadlineProbe($id: ID!) {
    deadline(id: $id) {
      id
    }
  }
`);

/** Answers meaning « not here for you »: the deadline is in none of this person's territories they may see. */
const NOT_HERE = new Set(['NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN']);

/**
 * `/echeances/<id>`, the link of reminders in the application and in e-mails, which names no territory: the
 * deadline is looked for in each territory of the signed-in person, with the API's own rules there (its
 * tenant, its visibility), and the page of the one that has it opens. Another territory's deadline, one this
 * person may not see and an id that exists nowhere all read « introuvable »: the page learns nothing the
 * API would not tell this person in each of their territories.
 */
export function DeadlineLinkPage() {
  const { id = '' } = useParams();
  const { tenants } = useSession();
  const [found, setFound] = useState<{ id: string; siren: string | null } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let cancelled = false;
    const sirens = tenants.map((t) => t.tenant.siren);
    void Promise.all(
      sirens.map((siren) =>
        request(PROBE, { id }, siren).then(
          () => siren,
          (e: unknown) => {
            const failure = asApiError(e);
            if (NOT_HERE.has(failure.code)) return null;
            throw failure;
          },
        ),
      ),
    ).then(
      (answers) => {
        if (!cancelled) setFound({ id, siren: answers.find((s) => s !== null) ?? null });
      },
      (e: unknown) => {
        if (!cancelled) setError(asApiError(e));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [id, tenants]);

  if (error) return <ErrorMessage error={error} />;
  if (!found || found.id !== id) return <Loading label="Recherche de l'échéance…" />;
  if (!found.siren) return <DeadlineNotFound />;
  return <Navigate to={`/t/${found.siren}/echeances/${id}`} replace />;
}
