/** The API versions the local org answers to, and the version segment of `/services/data/vNN.0/…` paths. */
import { notFound } from './errors';

export const LATEST_API_VERSION = '66.0';
export const OLDEST_MAJOR_VERSION = 50;
export const LATEST_MAJOR_VERSION = 66;

const SEASONS = ['Winter', 'Spring', 'Summer'] as const;

/** Salesforce's release label of a major API version: 50 is Winter '21, 66 is Spring '26. */
export function releaseLabel(major: number): string {
  const offset = major - OLDEST_MAJOR_VERSION;
  const season = SEASONS[offset % 3] ?? 'Winter';
  return `${season} '${21 + Math.floor(offset / 3)}`;
}

export interface ApiVersionEntry {
  label: string;
  url: string;
  version: string;
}

export function listVersions(): ApiVersionEntry[] {
  const versions: ApiVersionEntry[] = [];
  for (let major = OLDEST_MAJOR_VERSION; major <= LATEST_MAJOR_VERSION; major += 1) {
    versions.push({ label: releaseLabel(major), url: `/services/data/v${major}.0`, version: `${major}.0` });
  }
  return versions;
}

/** `v66.0` → 66; anything else is a resource that does not exist, as on Salesforce. */
export function parseVersionSegment(segment: string): number {
  const match = /^v(\d+)\.0$/.exec(segment);
  const major = match ? Number(match[1]) : NaN;
  if (!(major >= OLDEST_MAJOR_VERSION && major <= LATEST_MAJOR_VERSION)) {
    throw notFound();
  }
  return major;
}
