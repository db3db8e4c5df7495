/**
 * The twins of the package's `@AuraEnabled` methods, by `Class.method`: what the workbench runs when a component
 * calls `@salesforce/apex/Class.method`. Each entry names the method's parameters in Apex order and whether it is
 * cacheable (callable with `@wire`); workbench/__tests__/twins-contract.test.ts checks both against the Apex source,
 * so a method added in Apex without its twin fails the tests.
 */
import type { TwinContext } from './context';
import { getDeals, getPipelineHealth } from './PipelineHealthController';
import { getStages } from './StageSettingsController';

export interface Twin {
  /** Parameter names, in the Apex method's order. */
  params: readonly string[];
  /** `@AuraEnabled(cacheable=true)`. */
  cacheable: boolean;
  run(context: TwinContext, params: Record<string, unknown>): Promise<unknown>;
}

export const TWINS: Readonly<Record<string, Twin>> = {
  'PipelineHealthController.getDeals': {
    params: ['scope', 'recordId', 'bucket', 'stageName', 'fromDate', 'toDate', 'pageSize', 'pageOffset'],
    cacheable: true,
    run: getDeals
  },
  'PipelineHealthController.getPipelineHealth': {
    params: ['scope', 'recordId', 'periodStart', 'periodEnd', 'compareFrom'],
    cacheable: true,
    run: getPipelineHealth
  },
  'StageSettingsController.getStages': {
    params: [],
    cacheable: true,
    run: (context) => getStages(context)
  }
};

/** The twin of `Class.method` (Apex names are case-insensitive); undefined when there is none. */
export function findTwin(name: string): Twin | undefined {
  const wanted = name.toLowerCase();
  const key = Object.keys(TWINS).find((candidate) => candidate.toLowerCase() === wanted);
  return key === undefined ? undefined : TWINS[key];
}
