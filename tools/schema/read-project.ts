/**
 * The one reader of the project's data model: the standard catalog plus every object, field and custom metadata type
 * under the SFDX project's package directories, as describe-shaped descriptors.
 *
 *   const schema = readProjectSchema('/work/main');
 *   findField(schema, 'Opportunity', 'StageName')?.picklistValues;
 *   withNamespace(schema, 'atlas');            // names as scripts outside the installed package see them
 *   readCustomMetadataRecords('/work/main');   // records under customMetadata/
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { byName, compareStrings } from './compare';
import { readCustomMetadataRecord } from './custom-metadata';
import {
  PLATFORM_REFERENCE_TARGETS,
  readCustomField,
  readGlobalValueSet,
  type CustomFieldDraft,
  type GlobalValueSet
} from './custom-fields';
import { isCustomMetadataName, isCustomObjectName, readCustomObject } from './custom-objects';
import {
  filesWithSuffix,
  findMetadataFiles,
  findMetadataFolders,
  projectPath,
  readSfdxProject,
  subdirectories,
  type SfdxProject
} from './project-files';
import { ACTIVITY_OBJECTS, STANDARD_CHILD_RELATIONSHIP_NAMES, STANDARD_OBJECTS } from './standard-objects';
import type { CustomMetadataRecord, FieldDescriptor, ObjectDescriptor, ProjectSchema } from './types';
import { MetadataError } from './xml';

export { withNamespace } from './namespace';

/** One `objects/<Name>/` folder, possibly split over several package directories. */
interface ObjectSource {
  name: string;
  /** The folders, in package-directory order. */
  dirs: string[];
  objectFiles: string[];
  fieldFiles: string[];
}

interface ObjectDraft {
  descriptor: ObjectDescriptor;
  customFields: CustomFieldDraft[];
  enableActivities: boolean;
}

const FIELD_SUFFIX = '.field-meta.xml';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function collectObjectSources(project: SfdxProject): ObjectSource[] {
  const sources = new Map<string, ObjectSource>();
  for (const folder of findMetadataFolders(project, 'objects')) {
    for (const dir of subdirectories(folder)) {
      const name = basename(dir);
      const source = sources.get(name) ?? { name, dirs: [], objectFiles: [], fieldFiles: [] };
      source.dirs.push(dir);
      const objectFile = join(dir, `${name}.object-meta.xml`);
      if (existsSync(objectFile)) source.objectFiles.push(objectFile);
      source.fieldFiles.push(...filesWithSuffix(join(dir, 'fields'), FIELD_SUFFIX));
      sources.set(name, source);
    }
  }
  return [...sources.values()].sort(byName);
}

function readGlobalValueSets(project: SfdxProject): Map<string, GlobalValueSet> {
  const files = findMetadataFiles(project, 'globalValueSets', '.globalValueSet-meta.xml');
  return new Map(files.map((file) => [basename(file, '.globalValueSet-meta.xml'), readGlobalValueSet(file)]));
}

function sourcePath(project: SfdxProject, source: ObjectSource): string {
  return projectPath(project, source.dirs[0] ?? source.name);
}

function customObjectDraft(project: SfdxProject, source: ObjectSource): ObjectDraft {
  const [objectFile, duplicate] = source.objectFiles;
  if (objectFile === undefined) {
    throw new Error(`${sourcePath(project, source)}: missing ${source.name}.object-meta.xml`);
  }
  if (duplicate !== undefined) {
    const paths = source.objectFiles.map((file) => projectPath(project, file)).join(' and ');
    throw new Error(`${source.name} is defined twice: ${paths}`);
  }
  const header = readCustomObject(source.name, objectFile, projectPath(project, objectFile));
  return { ...header, customFields: [] };
}

/**
 * The drafts `source`'s fields belong to: a custom object's own (new) draft, a catalog object's draft, or for
 * `Activity` (fields shared by tasks and events) both Task and Event, as Salesforce adds activity fields to both.
 */
function draftsFor(
  project: SfdxProject,
  source: ObjectSource,
  drafts: Map<string, ObjectDraft>
): ObjectDraft[] {
  if (isCustomObjectName(source.name) || isCustomMetadataName(source.name)) {
    const draft = customObjectDraft(project, source);
    drafts.set(source.name, draft);
    return [draft];
  }
  const names = source.name === 'Activity' ? ACTIVITY_OBJECTS : [source.name];
  const standard = names
    .map((name) => drafts.get(name))
    .filter((d): d is ObjectDraft => d !== undefined && !d.descriptor.custom);
  if (standard.length === names.length) return standard;
  const where = sourcePath(project, source);
  if (/__[A-Za-z]+$/.test(source.name)) {
    throw new Error(
      `${where}: unsupported object kind '${source.name}' (only __c and __mdt objects are read)`
    );
  }
  throw new Error(
    `${where}: standard object '${source.name}' is not in the standard catalog (tools/schema/standard-objects.ts)`
  );
}

/**
 * Custom fields of `source`. Files for standard fields of standard objects (e.g. a picklist's values or history
 * tracking) are skipped: the catalog describes standard fields.
 */
function addCustomFields(
  project: SfdxProject,
  source: ObjectSource,
  draft: ObjectDraft,
  globalValueSets: ReadonlyMap<string, GlobalValueSet>
): void {
  const seen = new Map<string, string>();
  for (const file of source.fieldFiles) {
    const fieldName = basename(file, FIELD_SUFFIX);
    const displayPath = projectPath(project, file);
    const isCatalogField = !draft.descriptor.custom && findIn(draft.descriptor, fieldName) !== undefined;
    if (!fieldName.endsWith('__c')) {
      if (isCatalogField) continue;
      throw new MetadataError(
        displayPath,
        `'${source.name}.${fieldName}' is neither a custom field nor in the catalog`
      );
    }
    const previous = seen.get(fieldName.toLowerCase());
    if (previous !== undefined) throw new MetadataError(displayPath, `field already defined in ${previous}`);
    seen.set(fieldName.toLowerCase(), displayPath);
    const context = { objectName: source.name, fieldName, globalValueSets, displayPath };
    draft.customFields.push(readCustomField(file, context));
  }
}

function findIn(descriptor: ObjectDescriptor, fieldName: string): FieldDescriptor | undefined {
  const lower = fieldName.toLowerCase();
  return descriptor.fields.find((f) => f.name.toLowerCase() === lower);
}

function keyPrefix(first: string, index: number): string {
  if (index >= BASE62.length * BASE62.length)
    throw new Error('too many custom objects for 3-character key prefixes');
  return first + BASE62.charAt(Math.floor(index / BASE62.length)) + BASE62.charAt(index % BASE62.length);
}

/**
 * Custom objects get 'a' + two base-62 digits, custom metadata types 'm' + two digits, in name order: stable for a
 * given set of objects (a real org assigns its own prefixes; nothing may depend on these values).
 */
function assignKeyPrefixes(drafts: Iterable<ObjectDraft>): void {
  const custom = [...drafts].map((d) => d.descriptor).filter((d) => d.custom);
  const objects = custom.filter((d) => !d.isCustomMetadata).sort(byName);
  const types = custom.filter((d) => d.isCustomMetadata).sort(byName);
  objects.forEach((d, index) => (d.keyPrefix = keyPrefix('a', index)));
  types.forEach((d, index) => (d.keyPrefix = keyPrefix('m', index)));
}

/** Case-insensitive lookup of objects by name, as Salesforce resolves names. */
type ObjectIndex = ReadonlyMap<string, ObjectDescriptor>;

function indexObjects(objects: Iterable<ObjectDescriptor>): ObjectIndex {
  return new Map([...objects].map((o) => [o.name.toLowerCase(), o]));
}

/** Every reference target must be a known object; targets are rewritten with the object's exact name. */
function resolveReferences(draft: ObjectDraft, index: ObjectIndex): void {
  for (const { descriptor, displayPath } of draft.customFields) {
    descriptor.referenceTo = descriptor.referenceTo.map((target) => {
      if (PLATFORM_REFERENCE_TARGETS.has(target)) return target;
      const found = index.get(target.toLowerCase());
      if (found === undefined) {
        const fieldName = `${draft.descriptor.name}.${descriptor.name}`;
        throw new MetadataError(displayPath, `${fieldName} references unknown object '${target}'`);
      }
      return found.name;
    });
  }
}

function fieldAt(index: ObjectIndex, path: string, displayPath: string): FieldDescriptor {
  const [objectName = '', fieldName = ''] = path.split('.');
  const object = index.get(objectName.toLowerCase());
  const found = object === undefined ? undefined : findIn(object, fieldName);
  if (found === undefined) throw new MetadataError(displayPath, `summary refers to unknown field '${path}'`);
  return found;
}

/** A sum/min/max summary has the summarized field's type (numbers keep precision 18 and the field's scale). */
function resolveSummaries(draft: ObjectDraft, index: ObjectIndex): void {
  for (const { descriptor, displayPath } of draft.customFields) {
    const summary = descriptor.summary;
    if (summary === undefined) continue;
    fieldAt(index, summary.foreignKey, displayPath);
    if (summary.summarizedField === null) continue;
    const summarized = fieldAt(index, summary.summarizedField, displayPath);
    descriptor.type = summarized.type;
    if (summarized.scale === undefined) {
      delete descriptor.precision;
      delete descriptor.scale;
    } else {
      descriptor.scale = summarized.scale;
    }
  }
}

/** Task/Event.WhatId can point to every object that enables activities. */
function addActivityTargets(drafts: ReadonlyMap<string, ObjectDraft>): void {
  const targets = [...drafts.values()]
    .filter((d) => d.enableActivities)
    .map((d) => d.descriptor.name)
    .sort(compareStrings);
  for (const activity of ACTIVITY_OBJECTS) {
    const whatId = drafts.get(activity)?.descriptor.fields.find((f) => f.name === 'WhatId');
    if (whatId !== undefined) whatId.referenceTo = [...whatId.referenceTo, ...targets];
  }
}

function childRelationshipNames(drafts: Iterable<ObjectDraft>): Map<string, string> {
  const names = new Map(Object.entries(STANDARD_CHILD_RELATIONSHIP_NAMES));
  for (const draft of drafts) {
    for (const { descriptor, childRelationshipName } of draft.customFields) {
      if (childRelationshipName !== null)
        names.set(`${draft.descriptor.name}.${descriptor.name}`, childRelationshipName);
    }
  }
  return names;
}

/** Each parent lists the lookups that point to it, as describe's childRelationships does. */
function computeChildRelationships(objects: ObjectDescriptor[], names: ReadonlyMap<string, string>): void {
  const byObjectName = new Map(objects.map((o) => [o.name, o]));
  for (const child of objects) {
    for (const f of child.fields) {
      for (const target of f.referenceTo) {
        byObjectName.get(target)?.childRelationships.push({
          childSObject: child.name,
          field: f.name,
          relationshipName: names.get(`${child.name}.${f.name}`) ?? null,
          cascadeDelete: f.cascadeDelete
        });
      }
    }
  }
  for (const parent of objects) {
    parent.childRelationships.sort(
      (a, b) => compareStrings(a.childSObject, b.childSObject) || compareStrings(a.field, b.field)
    );
  }
}

function readDrafts(project: SfdxProject): Map<string, ObjectDraft> {
  const drafts = new Map<string, ObjectDraft>(
    STANDARD_OBJECTS.map((o) => [
      o.name,
      { descriptor: structuredClone(o), customFields: [], enableActivities: false }
    ])
  );
  const globalValueSets = readGlobalValueSets(project);
  for (const source of collectObjectSources(project)) {
    for (const draft of draftsFor(project, source, drafts))
      addCustomFields(project, source, draft, globalValueSets);
  }
  return drafts;
}

export function readProjectSchema(projectRoot: string): ProjectSchema {
  const project = readSfdxProject(projectRoot);
  const drafts = readDrafts(project);
  assignKeyPrefixes(drafts.values());
  const index = indexObjects([...drafts.values()].map((d) => d.descriptor));
  for (const draft of drafts.values()) {
    resolveReferences(draft, index);
    draft.descriptor.fields.push(...draft.customFields.map((c) => c.descriptor).sort(byName));
  }
  for (const draft of drafts.values()) resolveSummaries(draft, index);
  addActivityTargets(drafts);
  const objects = [...drafts.values()].map((d) => d.descriptor).sort(byName);
  computeChildRelationships(objects, childRelationshipNames(drafts.values()));
  return {
    projectRoot: project.root,
    namespace: project.namespace,
    packageDirectories: project.packageDirectories,
    objects
  };
}

/** The object named `objectName` (case-insensitive, as in Apex and SOQL). */
export function findObject(schema: ProjectSchema, objectName: string): ObjectDescriptor | undefined {
  const lower = objectName.toLowerCase();
  return schema.objects.find((o) => o.name.toLowerCase() === lower);
}

/** The field `objectName.fieldName` (case-insensitive). */
export function findField(
  schema: ProjectSchema,
  objectName: string,
  fieldName: string
): FieldDescriptor | undefined {
  const object = findObject(schema, objectName);
  return object === undefined ? undefined : findIn(object, fieldName);
}

/**
 * Custom metadata records under the project's customMetadata folders, in file order. `schema` must be the
 * un-namespaced schema of the same project (read again when omitted).
 */
export function readCustomMetadataRecords(
  projectRoot: string,
  schema: ProjectSchema = readProjectSchema(projectRoot)
): CustomMetadataRecord[] {
  const project = readSfdxProject(projectRoot);
  return findMetadataFiles(project, 'customMetadata', '.md-meta.xml').map((file) =>
    readCustomMetadataRecord(file, projectPath(project, file), (type) => {
      const found = findObject(schema, type);
      return found?.isCustomMetadata === true ? found : undefined;
    })
  );
}
