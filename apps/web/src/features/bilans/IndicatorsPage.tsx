import { FormEvent, useState } from 'react';
import { useParams } from 'react-router-dom';

import { ConfirmButton, ErrorMessage, Field, Loading } from '../../common/components';
import { fieldMessages } from '../../common/errors';
import { sentence } from '../../common/format';
import { useGraphQLMutation, useGraphQLQuery } from '../../common/query';
import { useTenantRole } from '../../common/session';
import { graphql } from '../../gql';
import type { IndicatorAggregation } from '../../gql/graphql';

const CATALOGUE = graphql(`
  query IndicatorCatalogue {
    indicatorDefinitions {
      id
      code
      label
      unit
      aggregation
      weightDefinitionId
      pillar
    }
  }
`);
const CREATE = graphql(`
  mutation CreateIndicatorDefinition($input: CreateIndicatorDefinitionInput!) {
    createIndicatorDefinition(input: $input) {
      id
    }
  }
`);
const DELETE = graphql(`
  mutation DeleteIndicatorDefinition($id: ID!) {
    deleteIndicatorDefinition(id: $id)
  }
`);

export const AGGREGATION_LABELS: Record<IndicatorAggregation, string> = {
  SUM: 'Somme',
  WEIGHTED_AVERAGE: 'Moyenne pondérée',
  AVERAGE: 'Moyenne',
  NONE: 'Pas d’agrégation',
};

/** The territory's catalogue of indicators: read by all, kept by admins and chefs de projet. */
export function IndicatorsPage() {
  const { siren = '' } = useParams();
  const { can } = useTenantRole(siren);
  const list = useGraphQLQuery(CATALOGUE, {}, { tenant: siren });
  const remove = useGraphQLMutation(DELETE, { tenant: siren, invalidates: [CATALOGUE] });
  const defs = list.data?.indicatorDefinitions ?? [];
  const codeOf = new Map(defs.map((d) => [d.id, d.code]));
  const manage = can('MANAGE_ACTIONS');
  return (
    <>
      <h1>Catalogue des indicateurs</h1>
      <p className="muted">
        Les indicateurs communs du territoire : les cibles des actions s'y rattachent, les bilans acceptés les renseignent et les tableaux
        de bord les agrègent selon leur règle.
      </p>
      <ErrorMessage error={list.error} />
      <ErrorMessage error={remove.error} context="operation" />
      {list.isPending && <Loading />}
      {list.data && (
        <div className="table-scroll">
          <table>
            <caption className="sr-only">Indicateurs du catalogue</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Libellé</th>
                <th scope="col">Unité</th>
                <th scope="col">Agrégation</th>
                <th scope="col">Pilier ou thème</th>
                {manage && <th scope="col">Retirer</th>}
              </tr>
            </thead>
            <tbody>
              {defs.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{d.code}</th>
                  <td>{d.label}</td>
                  <td>{d.unit || '—'}</td>
                  <td>
                    {AGGREGATION_LABELS[d.aggregation]}
                    {d.weightDefinitionId && <span className="muted"> par {codeOf.get(d.weightDefinitionId)}</span>}
                  </td>
                  <td>{d.pillar ?? '—'}</td>
                  {manage && (
                    <td>
                      <ConfirmButton
                        label={`Retirer ${d.code}`}
                        question={`Retirer l'indicateur ${d.code} du catalogue ?`}
                        confirmLabel="Oui, retirer"
                        onConfirm={async () => {
                          await remove.mutateAsync({ id: d.id }).catch(() => undefined);
                        }}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manage && list.data && <NewIndicatorForm siren={siren} definitions={defs} />}
    </>
  );
}

function NewIndicatorForm({
  siren,
  definitions,
}: {
  siren: string;
  definitions: { id: string; code: string; aggregation: IndicatorAggregation }[];
}) {
  const empty = { code: '', label: '', unit: '', aggregation: 'SUM' as IndicatorAggregation, weightDefinitionId: '', pillar: '' };
  const [form, setForm] = useState(empty);
  const [added, setAdded] = useState<string | null>(null);
  const create = useGraphQLMutation(CREATE, { tenant: siren, invalidates: [CATALOGUE] });
  const errors = create.error ? fieldMessages(create.error) : {};
  const err = (f: string) => (errors[f] ? sentence(errors[f]) : undefined);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAdded(null);
    await create
      .mutateAsync({
        input: {
          code: form.code,
          label: form.label,
          unit: form.unit || null,
          aggregation: form.aggregation,
          weightDefinitionId: form.aggregation === 'WEIGHTED_AVERAGE' ? form.weightDefinitionId || null : null,
          pillar: form.pillar || null,
        },
      })
      .then(() => {
        setAdded(form.code.toUpperCase());
        setForm(empty);
      })
      .catch(() => undefined);
  }
  return (
    <form className="panel" onSubmit={(e) => void onSubmit(e)} aria-labelledby="new-indicator-title" noValidate>
      <h2 id="new-indicator-title">Ajouter un indicateur</h2>
      <Field label="Code" hint="Majuscules, chiffres et « _ », par exemple TAUX_DIPLOME." error={err('code')}>
        {(p) => <input {...p} value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />}
      </Field>
      <Field label="Libellé" error={err('label')}>
        {(p) => <input {...p} value={form.label} onChange={(e) => setForm({ ...form, label: e.target.value })} />}
      </Field>
      <Field label="Unité" error={err('unit')}>
        {(p) => <input {...p} value={form.unit} onChange={(e) => setForm({ ...form, unit: e.target.value })} />}
      </Field>
      <Field label="Règle d'agrégation" error={err('aggregation')}>
        {(p) => (
          <select
            {...p}
            value={form.aggregation}
            onChange={(e) => setForm({ ...form, aggregation: e.target.value as IndicatorAggregation })}
          >
            {(Object.keys(AGGREGATION_LABELS) as IndicatorAggregation[]).map((a) => (
              <option key={a} value={a}>
                {AGGREGATION_LABELS[a]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {form.aggregation === 'WEIGHTED_AVERAGE' && (
        <Field label="Pondéré par" error={err('weightDefinitionId')}>
          {(p) => (
            <select {...p} value={form.weightDefinitionId} onChange={(e) => setForm({ ...form, weightDefinitionId: e.target.value })}>
              <option value="">Choisir un indicateur</option>
              {definitions
                .filter((d) => d.aggregation === 'SUM')
                .map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.code}
                  </option>
                ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Pilier ou thème (facultatif)" error={err('pillar')}>
        {(p) => <input {...p} value={form.pillar} onChange={(e) => setForm({ ...form, pillar: e.target.value })} />}
      </Field>
      <ErrorMessage error={create.error} context="operation" />
      {added && (
        <p role="status" className="notice">
          Indicateur {added} ajouté.
        </p>
      )}
      <button type="submit" disabled={create.isPending}>
        Ajouter
      </button>
    </form>
  );
}
