import { useState } from 'react';

import { ErrorMessage } from '../../common/components';
import { useGraphQLMutation } from '../../common/query';
import { graphql } from '../../gql';
import type { AttendanceStatus } from '../../gql/graphql';
import { COMMITTEE, useCommittee } from './CommitteeContext';

const SET_ATTENDANCE = graphql(`
  mutation SetCommitteeAttendance($input: SetCommitteeAttendanceInput!) {
    setCommitteeAttendance(input: $input) {
      organisationId
      status
      representativeName
    }
  }
`);

const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  PRESENT: 'Présente',
  REPRESENTE: 'Représentée',
  EXCUSE: 'Excusée',
};

/** Attendance at the séance, noted by the chef de projet per member organisation; the procès-verbal prints it. */
export function AttendanceEditor() {
  const { committee: c, nameOf } = useCommittee();
  const recorded = new Map(c.attendance.map((a) => [a.organisationId, a]));
  return (
    <section aria-labelledby="attendance-title" className="panel">
      <h2 id="attendance-title">Présences à la séance</h2>
      <p className="muted">Le procès-verbal reprend les présences telles qu'elles sont notées ici.</p>
      <ul className="plain">
        {c.members.map((m) => (
          <AttendanceRow
            key={m.organisationId}
            organisationId={m.organisationId}
            name={nameOf(m.organisationId)}
            status={recorded.get(m.organisationId)?.status ?? null}
            representative={recorded.get(m.organisationId)?.representativeName ?? ''}
          />
        ))}
      </ul>
    </section>
  );
}

function AttendanceRow({
  organisationId,
  name,
  status,
  representative,
}: {
  organisationId: string;
  name: string;
  status: AttendanceStatus | null;
  representative: string;
}) {
  const { committee: c, siren, announce } = useCommittee();
  const save = useGraphQLMutation(SET_ATTENDANCE, { tenant: siren, invalidates: [COMMITTEE] });
  const [choice, setChoice] = useState<AttendanceStatus | ''>(status ?? '');
  const [who, setWho] = useState(representative);
  const id = `attendance-${organisationId}`;
  return (
    <li>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save
            .mutateAsync({
              input: {
                committeeId: c.id,
                organisationId,
                status: choice || null,
                representativeName: choice === 'REPRESENTE' ? who : null,
              },
            })
            .then(() => announce(`Présence de ${name} enregistrée.`))
            .catch(() => undefined);
        }}
      >
        <label htmlFor={`${id}-status`}>{name}</label>
        <select id={`${id}-status`} value={choice} onChange={(e) => setChoice(e.target.value as AttendanceStatus | '')}>
          <option value="">Non renseignée</option>
          {(Object.keys(ATTENDANCE_LABELS) as AttendanceStatus[]).map((s) => (
            <option key={s} value={s}>
              {ATTENDANCE_LABELS[s]}
            </option>
          ))}
        </select>
        {choice === 'REPRESENTE' && (
          <>
            <label htmlFor={`${id}-who`}>Représentée par</label>
            <input id={`${id}-who`} required maxLength={200} value={who} onChange={(e) => setWho(e.target.value)} />
          </>
        )}
        <button type="submit" disabled={save.isPending} aria-label={`Enregistrer la présence de ${name}`}>
          Enregistrer
        </button>
        <ErrorMessage error={save.error} context="operation" />
      </form>
    </li>
  );
}
