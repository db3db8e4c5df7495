/**
 * How long a deal has been in its stage compared with the stage's expected duration. Pure rules with no platform
 * imports, shared by components, the workbench and scripts.
 */

export type StagePace = 'on-pace' | 'due-soon' | 'overdue' | 'unknown';

/** Share of the expected days after which a deal is "due soon" to leave its stage. */
export const DUE_SOON_SHARE = 0.8;

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** Whole calendar days from an ISO date or date-time to `today` (UTC), never negative; null when unknown. */
export function daysSince(isoDate: string | null | undefined, today: Date): number | null {
  if (!isoDate) {
    return null;
  }
  const start = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(start.getTime())) {
    return null;
  }
  const startDay = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  const todayDay = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.max(0, Math.round((todayDay - startDay) / MS_PER_DAY));
}

/** On pace until 80% of the expected days, due soon until they are used, overdue after. */
export function stagePace(daysInStage: number | null, expectedDays: number | null | undefined): StagePace {
  if (daysInStage === null || expectedDays === null || expectedDays === undefined || expectedDays <= 0) {
    return 'unknown';
  }
  if (daysInStage > expectedDays) {
    return 'overdue';
  }
  return daysInStage >= expectedDays * DUE_SOON_SHARE ? 'due-soon' : 'on-pace';
}

/**
 * Exit criteria as a checklist: one item per line, per semicolon or per sentence, without bullet marks.
 */
export function exitCriteriaItems(text: string | null | undefined): string[] {
  if (!text) {
    return [];
  }
  return text
    .split(/\r?\n|;|(?<=\.)\s+(?=[A-Z])/)
    .map((item) =>
      item
        .replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '')
        .replace(/\.$/, '')
        .trim()
    )
    .filter((item) => item.length > 0);
}
