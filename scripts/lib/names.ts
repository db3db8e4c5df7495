/**
 * API names as the target org spells them. Datasets and migrations name objects and fields as the source does
 * (`Account_Plan__c`, `External_Id__c`); where the managed package is installed its own objects and fields carry the
 * namespace (`atlas__Account_Plan__c`, `Account.atlas__External_Id__c`). Standard names never change.
 */
import { namespacedName } from '../../tools/schema/namespace';
import { InputError } from './errors';

/** The package's main object: whichever spelling of it the org has tells how the package is there. */
export const PACKAGE_MARKER_OBJECT = 'Account_Plan__c';

export interface OrgNames {
  /** The package's namespace in this org, or null where the project's source was deployed without one. */
  readonly namespace: string | null;
  /** An object or field name from the source, as the org spells it. */
  apiName(sourceName: string): string;
}

export function orgNames(namespace: string | null): OrgNames {
  return {
    namespace,
    apiName: (sourceName) => (namespace === null ? sourceName : namespacedName(sourceName, namespace))
  };
}

/**
 * How the package is present in an org with these objects: installed (`atlas__Account_Plan__c`, names get the
 * namespace) or deployed from source without a namespace (`Account_Plan__c`). Neither is an error.
 */
export function detectNamespace(objectNames: Iterable<string>, packageNamespace: string): string | null {
  const names = new Set([...objectNames].map((name) => name.toLowerCase()));
  const installed = namespacedName(PACKAGE_MARKER_OBJECT, packageNamespace);
  if (names.has(installed.toLowerCase())) {
    return packageNamespace;
  }
  if (names.has(PACKAGE_MARKER_OBJECT.toLowerCase())) {
    return null;
  }
  throw new InputError(
    `Account Atlas is not in this org: it has neither ${installed} (the installed package) nor ` +
      `${PACKAGE_MARKER_OBJECT} (the project's source deployed without a namespace). Install the package, or ` +
      'deploy the source with `sf project deploy start --source-dir force-app`, then run again.'
  );
}
