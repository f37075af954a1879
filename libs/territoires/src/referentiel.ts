/**
 * The official administrative split (@etalab/decoupage-administratif, INSEE/DGCL data): the 1,255 EPCI
 * and 11 EPT with their member communes, and every commune's département. Loaded once, lazily.
 */
import { createRequire } from 'node:module';

const load = createRequire(__filename);

interface RawIntercommunalite {
  code: string;
  nom: string;
  type: string;
  membres: { code: string; nom: string }[];
}

interface RawCommune {
  code: string;
  nom: string;
  departement?: string;
  type: string;
}

export type IntercommunaliteKind = 'METROPOLE' | 'COMMUNAUTE_URBAINE' | 'COMMUNAUTE_AGGLOMERATION' | 'COMMUNAUTE_COMMUNES' | 'EPT';

export interface Intercommunalite {
  siren: string;
  name: string;
  kind: IntercommunaliteKind;
  /** INSEE codes of the member communes. */
  communes: string[];
  departements: string[];
}

const KINDS: Record<string, IntercommunaliteKind> = {
  METRO: 'METROPOLE',
  MET69: 'METROPOLE',
  CU: 'COMMUNAUTE_URBAINE',
  CA: 'COMMUNAUTE_AGGLOMERATION',
  CC: 'COMMUNAUTE_COMMUNES',
  EPT: 'EPT',
};

let bySiren: Map<string, Intercommunalite> | undefined;
let communeDepartement: Map<string, string> | undefined;

function departementOf(insee: string): string | undefined {
  if (!communeDepartement) {
    const communes = load('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
    communeDepartement = new Map(
      communes.filter((c) => c.type === 'commune-actuelle' && c.departement).map((c) => [c.code, c.departement as string]),
    );
  }
  return communeDepartement.get(insee);
}

function index(): Map<string, Intercommunalite> {
  if (!bySiren) {
    const raw = [
      ...(load('@etalab/decoupage-administratif/data/epci.json') as RawIntercommunalite[]),
      ...(load('@etalab/decoupage-administratif/data/ept.json') as RawIntercommunalite[]),
    ];
    bySiren = new Map(
      raw.map((r) => {
        const communes = r.membres.map((m) => m.code);
        const departements = [...new Set(communes.map(departementOf).filter((d): d is string => !!d))].sort();
        return [r.code, { siren: r.code, name: r.nom, kind: KINDS[r.type] ?? 'COMMUNAUTE_COMMUNES', communes, departements }];
      }),
    );
  }
  return bySiren;
}

/** The EPCI or EPT with this SIREN, or undefined when the official lists have none. */
export function findIntercommunalite(siren: string): Intercommunalite | undefined {
  return index().get(siren);
}
