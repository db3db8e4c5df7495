/**
 * Contacts and users: Name is the platform's "FirstName LastName"; a new user gets the Standard user type and, when
 * none is given, a community nickname made from the username (unique, as Salesforce requires).
 */
import { isValid, type PendingRow } from '../rows';
import type { PlatformRules } from './context';

function deriveName(row: PendingRow): void {
  const parts = [row.values['FirstName'], row.values['LastName']].filter(
    (part): part is string => typeof part === 'string' && part !== ''
  );
  row.values['Name'] = parts.length === 0 ? null : parts.join(' ');
}

const contactRules: PlatformRules = {
  prepare: (rows) => rows.filter(isValid).forEach(deriveName)
};

const userRules: PlatformRules = {
  prepare: (rows) => {
    for (const row of rows.filter(isValid)) {
      deriveName(row);
      if (row.previous !== null) continue;
      row.values['UserType'] = 'Standard';
      const username = row.values['Username'];
      if (row.values['CommunityNickname'] === null && typeof username === 'string') {
        row.values['CommunityNickname'] =
          `${username.split('@')[0]?.slice(0, 30) ?? ''}.${row.id.slice(-9, -3)}`;
      }
    }
  }
};

export const peopleRules: Readonly<Record<string, PlatformRules>> = {
  Contact: contactRules,
  User: userRules
};
