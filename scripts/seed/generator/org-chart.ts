/**
 * How customers are organised: departments with a title per level (C-level, VP, Director, Manager, Individual
 * contributor). A contact's title always matches its level and department.
 */
import type { Level } from './model';
import type { Random, Weighted } from './random';

export interface Department {
  name: string;
  /** Titles by level; the C-level title is the one person at the top of the department. */
  titles: readonly [string, readonly string[], readonly string[], readonly string[], readonly string[]];
  /** Where the department's top person reports when the department has no C-level contact. */
  reportsInto: string;
}

export const EXECUTIVE = 'Executive';

const DEPARTMENTS: readonly Weighted<Department>[] = [
  {
    weight: 30,
    value: {
      name: 'IT',
      reportsInto: EXECUTIVE,
      titles: [
        'Chief Information Officer',
        ['VP, IT Infrastructure', 'VP, Enterprise Applications', 'Vice President of IT'],
        ['Director of Enterprise Architecture', 'IT Director', 'Director, Data & Analytics'],
        ['IT Operations Manager', 'Data Platform Manager', 'Business Applications Manager'],
        ['Enterprise Architect', 'Data Engineer', 'Systems Administrator', 'Solution Architect']
      ]
    }
  },
  {
    weight: 12,
    value: {
      name: 'Finance',
      reportsInto: EXECUTIVE,
      titles: [
        'Chief Financial Officer',
        ['Vice President of Finance', 'VP, Financial Planning & Analysis'],
        ['Finance Director', 'Director of FP&A', 'Group Controller'],
        ['Finance Manager', 'FP&A Manager', 'Controlling Manager'],
        ['Financial Analyst', 'Senior Accountant', 'FP&A Analyst']
      ]
    }
  },
  {
    weight: 12,
    value: {
      name: 'Operations',
      reportsInto: EXECUTIVE,
      titles: [
        'Chief Operating Officer',
        ['VP, Operations', 'VP, Operational Excellence'],
        ['Director of Operations', 'Plant Director', 'Director, Continuous Improvement'],
        ['Operations Manager', 'Production Manager', 'Continuous Improvement Manager'],
        ['Operations Analyst', 'Process Engineer', 'Production Planner']
      ]
    }
  },
  {
    weight: 8,
    value: {
      name: 'Procurement',
      reportsInto: 'Finance',
      titles: [
        'Chief Procurement Officer',
        ['VP, Global Procurement'],
        ['Director of Procurement', 'Director, IT Sourcing'],
        ['Category Manager, IT', 'Procurement Manager'],
        ['Senior Buyer', 'Sourcing Specialist', 'Procurement Analyst']
      ]
    }
  },
  {
    weight: 7,
    value: {
      name: 'Supply Chain',
      reportsInto: 'Operations',
      titles: [
        'Chief Supply Chain Officer',
        ['VP, Supply Chain', 'VP, Logistics'],
        ['Director of Logistics', 'Director, Demand Planning'],
        ['Demand Planning Manager', 'Logistics Manager'],
        ['Demand Planner', 'Supply Chain Analyst', 'Inventory Analyst']
      ]
    }
  },
  {
    weight: 7,
    value: {
      name: 'Marketing',
      reportsInto: EXECUTIVE,
      titles: [
        'Chief Marketing Officer',
        ['VP, Marketing', 'VP, Digital Marketing'],
        ['Director of Marketing Analytics', 'Director, Customer Insights'],
        ['Marketing Operations Manager', 'CRM Manager'],
        ['Marketing Analyst', 'Campaign Specialist']
      ]
    }
  },
  {
    weight: 6,
    value: {
      name: 'Sales',
      reportsInto: EXECUTIVE,
      titles: [
        'Chief Commercial Officer',
        ['VP, Sales', 'VP, Commercial Excellence'],
        ['Director of Sales Operations', 'Regional Sales Director'],
        ['Sales Operations Manager', 'Pricing Manager'],
        ['Sales Analyst', 'Pricing Analyst']
      ]
    }
  },
  {
    weight: 6,
    value: {
      name: 'Information Security',
      reportsInto: 'IT',
      titles: [
        'Chief Information Security Officer',
        ['VP, Information Security'],
        ['Director of Security Architecture', 'Director, Risk & Compliance'],
        ['Security Operations Manager', 'Data Protection Manager'],
        ['Security Engineer', 'Data Protection Analyst']
      ]
    }
  },
  {
    weight: 4,
    value: {
      name: 'Human Resources',
      reportsInto: EXECUTIVE,
      titles: [
        'Chief People Officer',
        ['VP, Human Resources'],
        ['HR Director', 'Director of HR Systems'],
        ['HR Business Partner', 'Workforce Analytics Manager'],
        ['HR Analyst', 'HRIS Specialist']
      ]
    }
  },
  {
    weight: 3,
    value: {
      name: 'Legal',
      reportsInto: EXECUTIVE,
      titles: [
        'General Counsel',
        ['Deputy General Counsel'],
        ['Director of Legal Affairs'],
        ['Contracts Manager'],
        ['Legal Counsel', 'Paralegal']
      ]
    }
  }
];

const EXECUTIVE_DEPARTMENT: Department = {
  name: EXECUTIVE,
  reportsInto: EXECUTIVE,
  titles: [
    'Chief Executive Officer',
    ['Chief of Staff'],
    ['Director of Corporate Strategy'],
    ['Strategy Manager'],
    ['Executive Assistant to the CEO', 'Strategy Analyst']
  ]
};

const BY_NAME = new Map([EXECUTIVE_DEPARTMENT, ...DEPARTMENTS.map((d) => d.value)].map((d) => [d.name, d]));

export function department(name: string): Department {
  const found = BY_NAME.get(name);
  if (found === undefined) throw new Error(`unknown department '${name}'`);
  return found;
}

/** IT first (every account buying from us has an IT contact), then `count - 1` other departments. */
export function pickDepartments(random: Random, count: number): Department[] {
  const others = DEPARTMENTS.filter((d) => d.value.name !== 'IT');
  const chosen: Department[] = [department('IT')];
  while (chosen.length < count && chosen.length <= others.length) {
    const next = random.weighted(others);
    if (!chosen.includes(next)) chosen.push(next);
  }
  return chosen;
}

export function pickWeightedDepartment(random: Random, among: readonly Department[]): Department {
  return random.weighted(
    among.map((d) => ({ value: d, weight: DEPARTMENTS.find((w) => w.value === d)?.weight ?? 1 }))
  );
}

export function executiveDepartment(): Department {
  return EXECUTIVE_DEPARTMENT;
}

export function titleFor(random: Random, dept: Department, level: Level): string {
  const titles = dept.titles[level];
  return typeof titles === 'string' ? titles : random.pick(titles);
}
