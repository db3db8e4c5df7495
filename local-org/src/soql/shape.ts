/**
 * Query rows shaped as Salesforce's REST query JSON: each record starts with `attributes { type, url }`, then its
 * fields in the order selected; a parent relationship is a nested record (or null when the reference is empty); a
 * compound address is an object; a child relationship is filled in after its subquery runs.
 */
import type { SObjectRecord } from '../contracts';
import type { OrgModel } from '../store/model';
import type { Row } from '../store/sql';
import { recordUrl } from './context';

export type OutputNode =
  | { kind: 'value'; key: string; column: string }
  | { kind: 'address'; key: string; columns: Readonly<Record<string, string>> }
  | { kind: 'parent'; key: string; idColumn: string; typeName: string | null; children: OutputNode[] }
  | { kind: 'children'; key: string };

/** The keys of an address value, in the order Salesforce returns them, and the component field each comes from. */
export const ADDRESS_COMPONENTS: Readonly<Record<string, string>> = {
  city: 'City',
  country: 'Country',
  geocodeAccuracy: 'GeocodeAccuracy',
  latitude: 'Latitude',
  longitude: 'Longitude',
  postalCode: 'PostalCode',
  state: 'State',
  street: 'Street'
};

export interface Shaper {
  readonly model: OrgModel;
  readonly apiVersion: string;
}

function address(row: Row, columns: Readonly<Record<string, string>>): Record<string, unknown> | null {
  const value: Record<string, unknown> = {};
  let empty = true;
  for (const key of Object.keys(ADDRESS_COMPONENTS)) {
    const column = columns[key];
    const component = column === undefined ? null : (row[column] ?? null);
    if (component !== null) empty = false;
    value[key] = component;
  }
  return empty ? null : value;
}

/** One record of type `typeName` (null: from the id's key prefix) from `row`. */
export function shapeRecord(
  shaper: Shaper,
  row: Row,
  nodes: readonly OutputNode[],
  typeName: string | null,
  id: string
): SObjectRecord {
  const type = typeName ?? shaper.model.objectOfId(id)?.name ?? 'Name';
  const record: SObjectRecord = { attributes: { type, url: recordUrl(shaper.apiVersion, type, id) } };
  for (const node of nodes) {
    switch (node.kind) {
      case 'value':
        record[node.key] = row[node.column] ?? null;
        break;
      case 'address':
        record[node.key] = address(row, node.columns);
        break;
      case 'parent': {
        const parentId = row[node.idColumn];
        record[node.key] =
          typeof parentId === 'string'
            ? shapeRecord(shaper, row, node.children, node.typeName, parentId)
            : null;
        break;
      }
      case 'children':
        record[node.key] = null;
        break;
    }
  }
  return record;
}
