/**
 * resources.d.ts: `@salesforce/label/*`, `@salesforce/customPermission/*`, `@salesforce/resourceUrl/*` and
 * `@salesforce/messageChannel/*` for the labels, custom permissions, static resources and message channels the
 * project defines (none of these folders has to exist). Each is declared under its own name and, when the project
 * has a namespace, under the namespaced name the LWC guide documents (`atlas.Label`, `atlas__Permission`).
 */
import { basename } from 'node:path';
import { compareStrings } from '../schema/compare';
import { findMetadataFiles, type SfdxProject } from '../schema/project-files';
import { childElements, childText, readXmlFile } from '../schema/xml';
import { declarationFile, defaultExportModule } from './dts';

export interface ResourceDeclarations {
  text: string;
  modules: number;
}

interface ResourceKind {
  /** Module prefix, e.g. '@salesforce/label/'. */
  prefix: string;
  /** Module suffix for a name: the plain one and the namespaced one. */
  moduleNames(name: string, namespace: string | null): string[];
  type: string;
  names(project: SfdxProject): string[];
}

function fileNames(folder: string, suffix: string): (project: SfdxProject) => string[] {
  return (project) => findMetadataFiles(project, folder, suffix).map((file) => basename(file, suffix));
}

function labelNames(project: SfdxProject): string[] {
  return findMetadataFiles(project, 'labels', '.labels-meta.xml').flatMap((file) =>
    childElements(readXmlFile(file, 'CustomLabels'), 'labels').flatMap((label) => {
      const name = childText(label, 'fullName');
      return name === undefined ? [] : [name];
    })
  );
}

/** `Name` and, in a namespaced project, `ns__Name`. */
const underscored = (name: string, namespace: string | null): string[] =>
  namespace === null ? [name] : [name, `${namespace}__${name}`];

const KINDS: readonly ResourceKind[] = [
  {
    prefix: '@salesforce/label/',
    moduleNames: (name, namespace) =>
      namespace === null ? [`c.${name}`] : [`c.${name}`, `${namespace}.${name}`],
    type: 'string',
    names: labelNames
  },
  {
    prefix: '@salesforce/customPermission/',
    moduleNames: underscored,
    type: 'boolean',
    names: fileNames('customPermissions', '.customPermission-meta.xml')
  },
  {
    prefix: '@salesforce/resourceUrl/',
    moduleNames: underscored,
    type: 'string',
    names: fileNames('staticresources', '.resource-meta.xml')
  },
  {
    prefix: '@salesforce/messageChannel/',
    // Channels are named by file (Plan_Selected.messageChannel-meta.xml) and imported as Plan_Selected__c.
    moduleNames: (name, namespace) => underscored(`${name}__c`, namespace),
    type: "import('lightning/messageService').MessageChannel",
    names: fileNames('messageChannels', '.messageChannel-meta.xml')
  }
];

export function resourceDeclarations(project: SfdxProject): ResourceDeclarations {
  const modules = KINDS.flatMap((kind) =>
    kind
      .names(project)
      .flatMap((name) => kind.moduleNames(name, project.namespace))
      .sort(compareStrings)
      .map((name) => defaultExportModule(`${kind.prefix}${name}`, 'value', kind.type))
  );
  const description = 'Labels, custom permissions, static resources and message channels of the project.';
  return { text: declarationFile(description, modules), modules: modules.length };
}
