/**
 * The industries we sell into (Account.Industry values), with the words their company names end with and the
 * divisions such companies are organised in (divisional subsidiaries, buying centers).
 */
import type { Random, Weighted } from './random';

export interface Industry {
  /** An Account.Industry picklist value. */
  name: string;
  nameSuffixes: string[];
  divisions: string[];
}

const INDUSTRIES: readonly Weighted<Industry>[] = [
  {
    weight: 10,
    value: {
      name: 'Manufacturing',
      nameSuffixes: ['Industries', 'Manufacturing', 'Components'],
      divisions: [
        'Automotive Components',
        'Industrial Automation',
        'Aftermarket Services',
        'Aerospace Systems'
      ]
    }
  },
  {
    weight: 7,
    value: {
      name: 'Banking',
      nameSuffixes: ['Bank', 'Financial', 'Bancorp'],
      divisions: ['Retail Banking', 'Corporate Banking', 'Wealth Management', 'Payments']
    }
  },
  {
    weight: 6,
    value: {
      name: 'Insurance',
      nameSuffixes: ['Insurance', 'Mutual', 'Assurance'],
      divisions: ['Life & Pensions', 'Property & Casualty', 'Reinsurance', 'Claims Operations']
    }
  },
  {
    weight: 7,
    value: {
      name: 'Healthcare',
      nameSuffixes: ['Health', 'Medical', 'Healthcare'],
      divisions: ['Hospitals', 'Diagnostics', 'Clinical Research', 'Home Care']
    }
  },
  {
    weight: 8,
    value: {
      name: 'Retail',
      nameSuffixes: ['Retail', 'Stores', 'Brands'],
      divisions: ['E-commerce', 'Stores', 'Private Label', 'Supply Chain']
    }
  },
  {
    weight: 5,
    value: {
      name: 'Energy',
      nameSuffixes: ['Energy', 'Power', 'Renewables'],
      divisions: ['Renewables', 'Grid Services', 'Energy Trading', 'Upstream']
    }
  },
  {
    weight: 6,
    value: {
      name: 'Transportation',
      nameSuffixes: ['Logistics', 'Freight', 'Transport'],
      divisions: ['Freight Forwarding', 'Contract Logistics', 'Parcel', 'Fleet Services']
    }
  },
  {
    weight: 4,
    value: {
      name: 'Telecommunications',
      nameSuffixes: ['Telecom', 'Networks', 'Communications'],
      divisions: ['Consumer Mobile', 'Enterprise Services', 'Network Operations', 'Wholesale']
    }
  },
  {
    weight: 7,
    value: {
      name: 'Technology',
      nameSuffixes: ['Systems', 'Technologies', 'Software'],
      divisions: ['Cloud Services', 'Devices', 'Professional Services', 'Cybersecurity']
    }
  },
  {
    weight: 5,
    value: {
      name: 'Food & Beverage',
      nameSuffixes: ['Foods', 'Beverages', 'Dairy'],
      divisions: ['Dairy', 'Beverages', 'Snacks', 'Foodservice']
    }
  },
  {
    weight: 3,
    value: {
      name: 'Chemicals',
      nameSuffixes: ['Chemicals', 'Materials'],
      divisions: ['Specialty Chemicals', 'Coatings', 'Crop Science', 'Polymers']
    }
  },
  {
    weight: 3,
    value: {
      name: 'Utilities',
      nameSuffixes: ['Utilities', 'Water', 'Electric'],
      divisions: ['Water', 'Power Distribution', 'Gas Networks', 'Customer Services']
    }
  },
  {
    weight: 3,
    value: {
      name: 'Biotechnology',
      nameSuffixes: ['Biosciences', 'Therapeutics', 'Pharma'],
      divisions: ['Oncology', 'Vaccines', 'Biologics Manufacturing', 'Research & Development']
    }
  },
  {
    weight: 2,
    value: {
      name: 'Hospitality',
      nameSuffixes: ['Hotels', 'Hospitality', 'Resorts'],
      divisions: ['Hotels', 'Resorts', 'Loyalty Programs', 'Franchise Operations']
    }
  },
  {
    weight: 2,
    value: {
      name: 'Media',
      nameSuffixes: ['Media', 'Publishing', 'Broadcasting'],
      divisions: ['Broadcasting', 'Streaming', 'Publishing', 'Advertising Sales']
    }
  },
  {
    weight: 3,
    value: {
      name: 'Electronics',
      nameSuffixes: ['Electronics', 'Semiconductors', 'Devices'],
      divisions: ['Semiconductors', 'Consumer Electronics', 'Industrial Sensors', 'Displays']
    }
  },
  {
    weight: 3,
    value: {
      name: 'Machinery',
      nameSuffixes: ['Machinery', 'Equipment', 'Machine Works'],
      divisions: ['Agricultural Equipment', 'Construction Equipment', 'Service & Parts', 'Mining Equipment']
    }
  },
  {
    weight: 2,
    value: {
      name: 'Shipping',
      nameSuffixes: ['Shipping', 'Maritime', 'Lines'],
      divisions: ['Container Shipping', 'Port Terminals', 'Bulk Carriers', 'Logistics Services']
    }
  },
  {
    weight: 2,
    value: {
      name: 'Construction',
      nameSuffixes: ['Construction', 'Builders', 'Infrastructure'],
      divisions: ['Infrastructure', 'Commercial Buildings', 'Residential', 'Building Materials']
    }
  }
];

export function pickIndustry(random: Random): Industry {
  return random.weighted(INDUSTRIES);
}

/** The industry named `name` (an account's Industry). */
export function industryNamed(name: string): Industry {
  const found = INDUSTRIES.find((entry) => entry.value.name === name);
  if (found === undefined) throw new Error(`unknown industry '${name}'`);
  return found.value;
}
