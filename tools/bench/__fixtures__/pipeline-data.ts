/**
 * Deterministic pipeline data for the pipeline-metrics benchmark: opportunities across Salesforce's default stage
 * set, each with a dated history (creation, stage moves, close-date and amount changes) whose rows add up to
 * exactly the number asked for, grouped by deal as our queries deliver them or shuffled; and political maps.
 * The same seed always gives the same data.
 */
import type {
  Deal,
  DealChange,
  StageDefinition,
  StakeholderFact
} from '../../../force-app/main/default/lwc/pipelineMetrics/pipelineMetrics';
import { seededRandom } from '../../lib/random';

/** Salesforce's default opportunity stages (what the local org ships), with package stage settings. */
export const DEFAULT_STAGES: StageDefinition[] = [
  ['Prospecting', 10, 14],
  ['Qualification', 10, 14],
  ['Needs Analysis', 20, 21],
  ['Value Proposition', 50, 21],
  ['Id. Decision Makers', 60, 14],
  ['Perception Analysis', 70, 14],
  ['Proposal/Price Quote', 75, 21],
  ['Negotiation/Review', 90, 14],
  ['Closed Won', 100, null],
  ['Closed Lost', 0, null]
].map(([apiName, probability, expectedDays], index) => ({
  apiName: apiName as string,
  label: apiName as string,
  sortOrder: index + 1,
  isClosed: index >= 8,
  isWon: index === 8,
  defaultProbability: probability as number,
  expectedDays: expectedDays as number | null,
  requiresDecisionMaker: index === 6
}));

export interface PipelineData {
  deals: Deal[];
  changes: DealChange[];
  stakeholders: StakeholderFact[];
}

export interface PipelineDataOptions {
  deals: number;
  changes: number;
  today: string;
  seed: number;
  /**
   * 'by-deal': each deal's rows together, oldest first, as the package's own queries return history
   * (ORDER BY OpportunityId, CreatedDate); 'shuffled': any order, the worst case the module still handles.
   */
  order: 'by-deal' | 'shuffled';
}

const DAY = 86_400_000;
const OPEN_STAGES = 8;
const ROLES = [
  'Decision Maker',
  'Economic Buyer',
  'Technical Evaluator',
  'Influencer',
  'User',
  'Gatekeeper',
  'Coach'
];
const STANCES = ['Champion', 'Supporter', 'Neutral', 'Non-Supporter', 'Blocker'];
const INFLUENCE = ['High', 'Medium', 'Low'];

const isoTime = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const month = (ms: number): number => new Date(ms).getUTCFullYear() * 12 + new Date(ms).getUTCMonth();

/** Rows per deal: 5 on average, moved between deals so that some have 2 and some 9, the total unchanged. */
function rowQuotas(deals: number, changes: number, next: () => number): number[] {
  const quotas = Array.from(
    { length: deals },
    (_, index) => Math.floor(changes / deals) + (index < changes % deals ? 1 : 0)
  );
  for (let moves = 0; moves < deals * 2; moves++) {
    const from = Math.floor(next() * deals);
    const to = Math.floor(next() * deals);
    if ((quotas[from] ?? 0) > 2 && (quotas[to] ?? 0) < 9) {
      quotas[from] = (quotas[from] ?? 0) - 1;
      quotas[to] = (quotas[to] ?? 0) + 1;
    }
  }
  return quotas;
}

/** Stage positions a deal goes through, at most `length` of them, ending in a closed stage when it closed. */
function stagePath(length: number, outcome: 'open' | 'won' | 'lost', next: () => number): number[] {
  const reach = outcome === 'won' ? OPEN_STAGES - 1 : Math.floor(next() * OPEN_STAGES);
  const open = Array.from({ length: reach + 1 }, (_, stage) => stage).filter(
    (stage) => stage === 0 || stage === reach || next() < 0.8
  );
  const path = outcome === 'open' ? open : [...open, outcome === 'won' ? 8 : 9];
  while (path.length > length) {
    path.splice(1 + Math.floor(next() * (path.length - 2)), 1);
  }
  return path;
}

export function pipelineData(options: PipelineDataOptions): PipelineData {
  const next = seededRandom(options.seed);
  const today = Date.parse(`${options.today}T00:00:00Z`);
  const quotas = rowQuotas(options.deals, options.changes, next);
  const deals: Deal[] = [];
  const changes: DealChange[] = [];
  const stakeholders: StakeholderFact[] = [];
  quotas.forEach((quota, index) => {
    const id = `006${String(index).padStart(12, '0')}`;
    const accountId = `001${String(index % 5000).padStart(12, '0')}`;
    const created = today - Math.floor(next() * 730) * DAY - Math.floor(next() * DAY);
    const age = (today - created) / DAY;
    const roll = next();
    const outcome = age > 60 && roll < 0.6 ? (roll < 0.22 ? 'won' : 'lost') : 'open';
    const end = outcome === 'open' ? today : created + Math.min(age, 30 + next() * 200) * DAY;
    const path = stagePath(quota, outcome, next);
    const times = Array.from({ length: quota - 1 }, () => created + next() * (end - created)).sort(
      (a, b) => a - b
    );
    let stage = path[0] ?? 0;
    let amount: number | null = next() < 0.03 ? null : Math.round(Math.exp(9 + next() * 4));
    let close = created + (30 + Math.floor(next() * 150)) * DAY;
    let pushes = 0;
    let lastStageChange = created;
    const moveClose = (moved: number): Partial<DealChange> => {
      pushes += month(moved) > month(close) ? 1 : 0;
      const patch = { closeDate: isoDay(moved), previousCloseDate: isoDay(close) };
      close = moved;
      return patch;
    };
    const change = (at: number, patch: Partial<DealChange>): void => {
      changes.push({
        dealId: id,
        changedAt: isoTime(at),
        stageName: null,
        previousStageName: null,
        amount: null,
        previousAmount: null,
        closeDate: null,
        previousCloseDate: null,
        ...patch
      });
    };
    change(created, {
      stageName: DEFAULT_STAGES[stage]?.apiName ?? null,
      amount,
      previousAmount: amount,
      closeDate: isoDay(close),
      previousCloseDate: isoDay(close)
    });
    const moves = path.length - 1;
    times.forEach((at, row) => {
      if (row >= times.length - moves) {
        const to = path[row - (times.length - moves) + 1] ?? stage;
        change(at, {
          stageName: DEFAULT_STAGES[to]?.apiName,
          previousStageName: DEFAULT_STAGES[stage]?.apiName,
          ...(to >= OPEN_STAGES ? moveClose(at) : {})
        });
        stage = to;
        lastStageChange = at;
      } else if (next() < 0.6) {
        change(at, moveClose(close + Math.round((next() * 75 - 15) * DAY)));
      } else {
        const resized = Math.round((amount ?? 50_000) * (0.7 + next() * 0.6));
        change(at, { amount: resized, previousAmount: amount });
        amount = resized;
      }
    });
    const definition = DEFAULT_STAGES[stage] ?? DEFAULT_STAGES[0];
    deals.push({
      id,
      name: `Deal ${index}`,
      accountId,
      ownerId: `005${String(index % 50).padStart(12, '0')}`,
      stageName: definition?.apiName ?? '',
      amount,
      probability: (definition?.defaultProbability ?? 0) + (next() < 0.1 ? 25 : 0),
      closeDate: isoDay(close),
      createdDate: isoTime(created),
      isClosed: outcome !== 'open',
      isWon: outcome === 'won',
      nextStep: next() < 0.2 ? null : 'Call back',
      lastActivityDate: next() < 0.1 ? null : isoDay(today - Math.floor(next() * 150) * DAY),
      pushCount: pushes,
      lastStageChangeDate: isoTime(lastStageChange)
    });
    if (next() < 0.4) {
      stakeholders.push({
        accountId,
        dealId: next() < 0.5 ? id : null,
        decisionRole: ROLES[Math.floor(next() * ROLES.length)] ?? null,
        stance: STANCES[Math.floor(next() * STANCES.length)] ?? null,
        influence: INFLUENCE[Math.floor(next() * INFLUENCE.length)] ?? null,
        coveredBy: next() < 0.7 ? '005000000000001' : null,
        id: `a01${String(index).padStart(12, '0')}`,
        name: `Person ${index}`
      });
    }
  });
  for (let i = changes.length - 1; i > 0 && options.order === 'shuffled'; i--) {
    const j = Math.floor(next() * (i + 1));
    [changes[i], changes[j]] = [changes[j] as DealChange, changes[i] as DealChange];
  }
  return { deals, changes, stakeholders };
}
