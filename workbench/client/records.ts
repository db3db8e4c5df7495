/**
 * The record side of Lightning Data Service in the workbench: which wires show which record, so that a change made
 * through `updateRecord`, `deleteRecord` or `notifyRecordUpdateAvailable` reaches every wire on that record (each
 * reloads its own fields), and field references in either form (`{ objectApiName, fieldApiName }` or
 * `'Object.Field'`).
 */

export interface FieldId {
  objectApiName: string;
  fieldApiName: string;
}

export type FieldReference = FieldId | string;

/** `'Opportunity.Account.Name'` for either form of reference. */
export function qualifiedField(field: FieldReference): string {
  return typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;
}

/** The object of a qualified field: `'Opportunity'` of `'Opportunity.StageName'`. */
export function objectOfField(field: FieldReference): string {
  return typeof field === 'string' ? (field.split('.')[0] ?? '') : field.objectApiName;
}

/** Something that shows a record and can load it again. */
export interface RecordWatcher {
  reload(): Promise<void>;
}

const watchers = new Map<string, Set<RecordWatcher>>();

/** Salesforce ids compare on their first 15 characters (the 18-character form adds a checksum). */
function key(recordId: string): string {
  return recordId.slice(0, 15);
}

export function watchRecord(recordId: string, watcher: RecordWatcher): void {
  const set = watchers.get(key(recordId)) ?? new Set<RecordWatcher>();
  set.add(watcher);
  watchers.set(key(recordId), set);
}

export function unwatchRecord(recordId: string, watcher: RecordWatcher): void {
  watchers.get(key(recordId))?.delete(watcher);
}

/** Reloads every wire on the record; resolves once they all have. */
export async function recordChanged(recordId: string): Promise<void> {
  await Promise.all([...(watchers.get(key(recordId)) ?? [])].map((watcher) => watcher.reload()));
}
