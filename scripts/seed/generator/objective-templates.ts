/**
 * The objectives account plans set, each with a measurable success metric, the strategies that serve it and the
 * actions that carry the strategies out, with the team that owns each action.
 */
import { formatAmount, roundTo } from './records';
import type { Random } from './random';

export type Team = 'Sales' | 'Marketing' | 'Customer Success' | 'Executive' | 'Partner';

interface ActionTemplate {
  name: string;
  team: Team;
  description: string;
}

interface StrategyTemplate {
  name: string;
  description: string;
  actions: ActionTemplate[];
}

export interface Measure {
  name: string;
  metric: string;
  target: number;
  /** Where the metric stood at the start of the period. */
  baseline: number;
}

export interface ObjectiveTemplate {
  /** Whether the objective is about one buying center. */
  perCenter: boolean;
  measure: (random: Random, fill: Fill) => Measure;
  description: string;
  strategies: StrategyTemplate[];
}

export interface Fill {
  center: string;
  /** Our current wallet share in the buying center, in percent. */
  share: number;
  competitor: string;
  year: number;
}

export const OBJECTIVES: readonly ObjectiveTemplate[] = [
  {
    perCenter: true,
    measure: (random, fill) => {
      const target = Math.min(90, fill.share + random.int(8, 20));
      return {
        name: `Grow our wallet share in ${fill.center} to ${target}%`,
        metric: 'Wallet share (%)',
        target,
        baseline: fill.share
      };
    },
    description: 'Our share of this buying center is far below the share we hold where we are strategic.',
    strategies: [
      {
        name: 'Land analytics with the finance team',
        description:
          'Start where the pain is biggest: month-end reporting. Use the controller as the champion.',
        actions: [
          {
            name: 'Run a value workshop with the finance leadership',
            team: 'Sales',
            description: 'Half-day workshop on close-cycle pain points; output is a signed problem statement.'
          },
          {
            name: 'Launch an ABM campaign for the finance decision makers',
            team: 'Marketing',
            description: 'Personalised content and an invitation to the CFO roundtable.'
          },
          {
            name: 'Share two references from the same industry',
            team: 'Marketing',
            description: 'Reference calls with finance leaders of comparable companies.'
          }
        ]
      },
      {
        name: 'Turn the pilot into an enterprise agreement',
        description: 'Bundle platform, analytics and services under one agreement with volume pricing.',
        actions: [
          {
            name: 'Prepare the enterprise agreement proposal',
            team: 'Sales',
            description: 'Three-year proposal with ramped pricing and a services credit.'
          },
          {
            name: 'Present pilot results to the steering committee',
            team: 'Customer Success',
            description: 'Usage, time saved and user feedback from the pilot.'
          },
          {
            name: 'Executive sponsor meeting with the business unit head',
            team: 'Executive',
            description: 'Our sponsor meets the head of the buying center to confirm priorities.'
          }
        ]
      }
    ]
  },
  {
    perCenter: true,
    measure: (random, fill) => {
      const target = roundTo(random.int(500, 3_000), 50);
      return {
        name: `Displace ${fill.competitor} in ${fill.center}`,
        metric: 'Users moved from the competitor',
        target,
        baseline: 0
      };
    },
    description: 'The competitor holds the installed base here; its contract renewal is our window.',
    strategies: [
      {
        name: 'Prove a lower total cost of ownership',
        description: 'Compare three-year costs including licences, infrastructure and the people running it.',
        actions: [
          {
            name: 'Deliver a TCO comparison to procurement',
            team: 'Sales',
            description: 'Built with their numbers, validated by their finance analyst.'
          },
          {
            name: 'Offer a migration assessment',
            team: 'Customer Success',
            description: 'Two-week assessment of reports and pipelines to migrate.'
          },
          {
            name: 'Partner-led migration proof of concept',
            team: 'Partner',
            description: 'Our integration partner migrates one critical report end to end.'
          }
        ]
      },
      {
        name: 'Win over the technical evaluators',
        description: 'The architects decide the shortlist; give them hands-on time with the platform.',
        actions: [
          {
            name: 'Invite the architects to the roadmap webinar',
            team: 'Marketing',
            description: 'Private session on the roadmap and the integration story.'
          },
          {
            name: 'Run a hands-on lab for the data engineers',
            team: 'Customer Success',
            description: 'One-day lab on their own sample data.'
          }
        ]
      }
    ]
  },
  {
    perCenter: false,
    measure: (random) => {
      const target = random.int(3, 4);
      return {
        name: 'Build executive sponsorship with the CFO office',
        metric: 'Executive meetings per quarter',
        target,
        baseline: random.int(0, 1)
      };
    },
    description:
      'We are strong with IT but have no relationship at the top of finance, where budgets are decided.',
    strategies: [
      {
        name: 'Pair our executive sponsor with the CFO',
        description: 'A regular, business-level conversation that does not depend on a live deal.',
        actions: [
          {
            name: 'Schedule an executive briefing at our innovation center',
            team: 'Executive',
            description: 'Briefing with our leadership and two peer customers.'
          },
          {
            name: 'Send the quarterly value report',
            team: 'Customer Success',
            description: 'One page: outcomes delivered, adoption and next steps.'
          },
          {
            name: 'Invite the CFO to the customer advisory board',
            team: 'Marketing',
            description: 'Seat on the advisory board and speaking slot at the summit.'
          }
        ]
      }
    ]
  },
  {
    perCenter: false,
    measure: (random, fill) => {
      const target = roundTo(random.int(800_000, 4_000_000), 50_000);
      return {
        name: `Reach ${formatAmount(target)} in new bookings in FY${fill.year}`,
        metric: 'Bookings',
        target,
        baseline: 0
      };
    },
    description: 'The revenue goal of the plan, tracked as bookings closed in the period.',
    strategies: [
      {
        name: 'Build a pipeline of three times the goal',
        description: 'Enough open opportunities in every stage so that the year does not depend on one deal.',
        actions: [
          {
            name: 'Monthly pipeline review with the account team',
            team: 'Sales',
            description: 'Review stages, next steps and close dates of every open deal.'
          },
          {
            name: 'Joint account planning session with our partner',
            team: 'Partner',
            description: 'Align on the buying centers where the partner has access.'
          },
          {
            name: 'Webinar series for the business users',
            team: 'Marketing',
            description: 'Three webinars on use cases that create new demand.'
          }
        ]
      },
      {
        name: 'Package platform and services together',
        description: 'Fewer, larger deals with implementation included lower the risk for the customer.',
        actions: [
          {
            name: 'Design a fixed-price implementation package',
            team: 'Customer Success',
            description: 'Scope, plan and price for a standard rollout.'
          },
          {
            name: 'Align the deal calendar with their budget cycle',
            team: 'Sales',
            description: 'Map budget deadlines and procurement lead times per buying center.'
          }
        ]
      }
    ]
  },
  {
    perCenter: true,
    measure: (random, fill) => {
      const baseline = roundTo(random.int(150, 900), 10);
      return {
        name: `Double active users in ${fill.center}`,
        metric: 'Monthly active users',
        target: baseline * 2,
        baseline
      };
    },
    description: 'Licences are bought but used by few; adoption protects the renewal and opens expansion.',
    strategies: [
      {
        name: 'Drive adoption through enablement',
        description: 'Train the power users and make usage visible to the sponsor.',
        actions: [
          {
            name: 'Run role-based training for power users',
            team: 'Customer Success',
            description: 'Four sessions, one per role, recorded for later hires.'
          },
          {
            name: 'Publish an adoption dashboard to the sponsor',
            team: 'Customer Success',
            description: 'Monthly users, top reports and inactive licences.'
          },
          {
            name: 'Feature a success story in their internal newsletter',
            team: 'Marketing',
            description: 'Written with their communications team.'
          }
        ]
      }
    ]
  },
  {
    perCenter: false,
    measure: (random) => ({
      name: 'Renew the enterprise agreement for three years',
      metric: 'Contract term (years)',
      target: 3,
      baseline: random.int(0, 1)
    }),
    description: 'The current agreement expires this year; a multi-year renewal secures the base.',
    strategies: [
      {
        name: 'Show the value delivered before renewal talks',
        description: 'Procurement negotiates on price unless value is documented first.',
        actions: [
          {
            name: 'Compile the value realised report',
            team: 'Customer Success',
            description: 'Outcomes per buying center, signed off by the users.'
          },
          {
            name: 'Executive sponsor call before the negotiation',
            team: 'Executive',
            description: 'Confirm the relationship and the multi-year intent at the top.'
          },
          {
            name: 'Agree the renewal timeline with procurement',
            team: 'Sales',
            description: 'Dates for proposal, legal review and signature.'
          }
        ]
      }
    ]
  }
];
