/** The platform behaviour of each object that has some. */
import { activityRules } from './activities';
import type { PlatformRules } from './context';
import { opportunityRules } from './opportunity';
import { peopleRules } from './people';

const RULES: Readonly<Record<string, PlatformRules>> = {
  ...peopleRules,
  Opportunity: opportunityRules,
  Task: activityRules,
  Event: activityRules
};

export function platformRulesFor(objectName: string): PlatformRules | undefined {
  return RULES[objectName];
}

/**
 * Standard lookups whose children Salesforce deletes with the parent (their describe does not say so): an account's
 * contacts and opportunities; an opportunity's contact roles, history and activities; a contact's roles and
 * activities.
 */
export const PLATFORM_CASCADES: ReadonlySet<string> = new Set([
  'Contact.AccountId',
  'Opportunity.AccountId',
  'OpportunityContactRole.OpportunityId',
  'OpportunityContactRole.ContactId',
  'OpportunityHistory.OpportunityId',
  'OpportunityFieldHistory.OpportunityId',
  'Task.WhatId',
  'Task.WhoId',
  'Event.WhatId',
  'Event.WhoId'
]);
