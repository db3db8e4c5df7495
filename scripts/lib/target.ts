/**
 * What the target org offers a dataset: how the package is there (its namespace), whether every object and field
 * the dataset writes exists and is writable for the running user, and the org's own opportunity stages.
 */
import type { DescribeSObjectResult } from 'jsforce';
import type { OrgStage } from '../seed/generator/types';
import type { OrgApi } from './api';
import { InputError } from './errors';
import { writtenFields, type ObjectShape } from './loader/shape';
import { detectNamespace, orgNames, type OrgNames } from './names';
import { queryAll, type OrgRecord } from './query';

/** Label of the API calls made for the whole run rather than for one object. */
export const SETUP = 'setup';

export interface FieldInfo {
  name: string;
  type: string;
  createable: boolean;
  updateable: boolean;
  externalId: boolean;
  idLookup: boolean;
  /** Digits after the decimal point, for numbers; undefined where the describe does not say. */
  scale: number | undefined;
  referenceTo: string[];
}

export interface ObjectInfo {
  apiName: string;
  /** By lower-case API name: Salesforce's names are case-insensitive. */
  fields: Map<string, FieldInfo>;
}

export function objectInfo(describe: DescribeSObjectResult): ObjectInfo {
  const fields = new Map<string, FieldInfo>();
  for (const field of describe.fields) {
    fields.set(field.name.toLowerCase(), {
      name: field.name,
      type: field.type,
      createable: field.createable,
      updateable: field.updateable,
      externalId: field.externalId,
      // Not every describe carries idLookup; where it is missing the field is not one.
      idLookup: field.idLookup === true,
      scale: typeof field.scale === 'number' ? field.scale : undefined,
      referenceTo: field.referenceTo ?? []
    });
  }
  return { apiName: describe.name, fields };
}

export function fieldInfo(info: ObjectInfo, apiName: string): FieldInfo | undefined {
  return info.fields.get(apiName.toLowerCase());
}

export interface GlobalObject {
  name: string;
  createable: boolean;
}

export interface PackageInOrg {
  names: OrgNames;
  /** The org's objects by lower-case API name. */
  objects: Map<string, GlobalObject>;
}

/** Reads the org's objects (one call) and tells how the package is there; an org without it is an InputError. */
export async function findPackage(api: OrgApi, packageNamespace: string): Promise<PackageInOrg> {
  const global = await api.call(SETUP, () => api.connection.describeGlobal());
  const objects = new Map<string, GlobalObject>(
    global.sobjects.map((entry) => [
      entry.name.toLowerCase(),
      { name: entry.name, createable: entry.createable }
    ])
  );
  const namespace = detectNamespace(
    global.sobjects.map((entry) => entry.name),
    packageNamespace
  );
  return { names: orgNames(namespace), objects };
}

/** Something the dataset needs that the org does not offer: `subject` is `Object` or `Object.Field`. */
export interface Problem {
  subject: string;
  reason: string;
}

const NOT_CREATEABLE =
  'not createable for the running user (field-level security, or a field the platform sets)';

function checkReference(subject: string, field: FieldInfo, target: string, names: OrgNames): Problem[] {
  const expected = names.apiName(target).toLowerCase();
  if (field.referenceTo.length === 0 || field.referenceTo.some((name) => name.toLowerCase() === expected)) {
    return [];
  }
  return [{ subject, reason: `points to ${field.referenceTo.join(', ')}, not ${names.apiName(target)}` }];
}

/** What stops the dataset's `shape` from being written to an object described by `info` (undefined: missing). */
export function checkObject(
  shape: ObjectShape,
  names: OrgNames,
  global: GlobalObject | undefined,
  info: ObjectInfo | undefined
): Problem[] {
  const objectName = names.apiName(shape.object);
  if (global === undefined || info === undefined) {
    return [{ subject: objectName, reason: 'object missing' }];
  }
  if (!global.createable) {
    return [
      { subject: objectName, reason: 'object not createable for the running user (check its permission set)' }
    ];
  }
  const problems: Problem[] = [];
  const selfReferences = new Set(shape.selfReferences);
  for (const sourceName of writtenFields(shape)) {
    const subject = `${objectName}.${names.apiName(sourceName)}`;
    const field = fieldInfo(info, names.apiName(sourceName));
    if (field === undefined) {
      problems.push({ subject, reason: 'field missing' });
      continue;
    }
    if (!field.createable) {
      problems.push({ subject, reason: NOT_CREATEABLE });
    } else if (selfReferences.has(sourceName) && !field.updateable) {
      problems.push({
        subject,
        reason: 'not updateable, and it is set in a second pass once every record exists'
      });
    }
    if (sourceName === shape.keyField && !field.externalId && !field.idLookup) {
      problems.push({ subject, reason: 'not an external id, so records cannot be upserted on it' });
    }
    const target = selfReferences.has(sourceName) ? shape.object : shape.references.get(sourceName);
    if (target !== undefined) {
      problems.push(...checkReference(subject, field, target, names));
    }
  }
  return problems;
}

/**
 * Describes every object the shapes write (one call each, counted under the object) and checks them. Returns the
 * descriptions by source object name; throws an InputError listing every problem when there is any.
 */
export async function preflight(
  api: OrgApi,
  found: PackageInOrg,
  shapes: ObjectShape[]
): Promise<Map<string, ObjectInfo>> {
  const infos = new Map<string, ObjectInfo>();
  const problems: Problem[] = [];
  for (const shape of shapes) {
    const apiName = found.names.apiName(shape.object);
    const global = found.objects.get(apiName.toLowerCase());
    const info =
      global === undefined
        ? undefined
        : objectInfo(await api.call(shape.object, () => api.connection.describe(global.name)));
    if (info !== undefined) {
      infos.set(shape.object, info);
    }
    problems.push(...checkObject(shape, found.names, global, info));
  }
  if (problems.length > 0) {
    throw new InputError(problemsMessage(problems));
  }
  return infos;
}

export function problemsMessage(problems: Problem[]): string {
  const lines = problems.map((problem) => `  ${problem.subject}: ${problem.reason}`);
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return [
    `The org cannot take this data (${count}); nothing was written:`,
    ...lines,
    'Deploy the source or install the package, give the running user the Atlas Admin permission set, and run again.'
  ].join('\n');
}

function stageFrom(record: OrgRecord): OrgStage {
  return {
    apiName: String(record.ApiName),
    sortOrder: Number(record.SortOrder),
    probability: Number(record.DefaultProbability ?? 0),
    isClosed: record.IsClosed === true,
    isWon: record.IsWon === true,
    forecastCategory: String(record.ForecastCategoryName ?? '')
  };
}

/** The org's active opportunity stages in order; an org without any cannot take opportunities. */
export async function readStages(api: OrgApi): Promise<OrgStage[]> {
  const records = await queryAll(
    api,
    SETUP,
    'SELECT ApiName, SortOrder, DefaultProbability, IsClosed, IsWon, ForecastCategoryName ' +
      'FROM OpportunityStage WHERE IsActive = true ORDER BY SortOrder'
  );
  if (records.length === 0) {
    throw new InputError(
      'The org has no active opportunity stages (Setup → Opportunity → Stage): add some first.'
    );
  }
  return records.map(stageFrom);
}
