/**
 * What we sell: a data platform with analytics, integration and governance products, and the services around
 * them, in five product families. The active products except training are the columns of the white space map; the
 * classic reporting product is retired (inactive) as real catalogs have such products.
 */
import type { ProductModel } from './model';
import { externalIdObject, externalIdRecord } from './records';
import type { SeedObject } from './types';

interface CatalogEntry {
  code: string;
  name: string;
  family: string;
  description: string;
  dealWeight: number;
  priceFactor: number;
  active: boolean;
  inWhiteSpace: boolean;
}

const CATALOG: readonly CatalogEntry[] = [
  {
    code: 'ADP-ENT',
    name: 'Atlas Data Platform Enterprise',
    family: 'Platform',
    description:
      'Cloud data platform with unlimited workspaces, high availability and regional data residency.',
    dealWeight: 5,
    priceFactor: 1.8,
    active: true,
    inWhiteSpace: true
  },
  {
    code: 'ADP-STD',
    name: 'Atlas Data Platform Standard',
    family: 'Platform',
    description: 'Cloud data platform for a single business unit, up to 50 workspaces.',
    dealWeight: 4,
    priceFactor: 0.7,
    active: true,
    inWhiteSpace: false
  },
  {
    code: 'ANL-INS',
    name: 'Insight Analytics',
    family: 'Analytics',
    description: 'Self-service dashboards and governed metrics for business users.',
    dealWeight: 6,
    priceFactor: 0.9,
    active: true,
    inWhiteSpace: true
  },
  {
    code: 'ANL-FCS',
    name: 'Demand Forecasting',
    family: 'Analytics',
    description: 'Machine-learning demand and revenue forecasts built on the data platform.',
    dealWeight: 3,
    priceFactor: 1.2,
    active: true,
    inWhiteSpace: true
  },
  {
    code: 'INT-HUB',
    name: 'Integration Hub',
    family: 'Integration',
    description: 'Managed connectors and pipelines for ERP, CRM and operational systems.',
    dealWeight: 4,
    priceFactor: 1,
    active: true,
    inWhiteSpace: true
  },
  {
    code: 'INT-API',
    name: 'API Gateway',
    family: 'Integration',
    description: 'Secure, metered APIs over the data platform for partners and internal applications.',
    dealWeight: 2,
    priceFactor: 0.8,
    active: true,
    inWhiteSpace: true
  },
  {
    code: 'GOV-DGP',
    name: 'Data Governance & Privacy',
    family: 'Governance',
    description: 'Catalog, lineage, access policies and privacy controls across every workspace.',
    dealWeight: 3,
    priceFactor: 1.1,
    active: true,
    inWhiteSpace: true
  },
  {
    code: 'SVC-IMP',
    name: 'Implementation Services',
    family: 'Services',
    description: 'Fixed-scope implementation by our professional services team.',
    dealWeight: 3,
    priceFactor: 0.6,
    active: true,
    inWhiteSpace: true
  },
  {
    code: 'SVC-SUP',
    name: 'Premier Support',
    family: 'Services',
    description: 'Around-the-clock support with a named technical account manager.',
    dealWeight: 2,
    priceFactor: 0.4,
    active: true,
    inWhiteSpace: true
  },
  {
    code: 'SVC-TRN',
    name: 'Training & Enablement',
    family: 'Services',
    description: 'Role-based training paths and on-site enablement workshops.',
    dealWeight: 1,
    priceFactor: 0.2,
    active: true,
    inWhiteSpace: false
  },
  {
    code: 'SVC-MIG',
    name: 'Migration Factory',
    family: 'Services',
    description: 'Migration of legacy warehouses and reports onto the data platform.',
    dealWeight: 2,
    priceFactor: 0.9,
    active: true,
    inWhiteSpace: false
  },
  {
    code: 'ANL-RPT',
    name: 'Atlas Reporting Classic',
    family: 'Analytics',
    description:
      'On-premise reporting server. Retired: no new sales, support until the end of the contract term.',
    dealWeight: 0,
    priceFactor: 0.5,
    active: false,
    inWhiteSpace: false
  }
];

export interface GeneratedProducts {
  /** Active products, the ones deals and white space cells use. */
  products: ProductModel[];
  object: SeedObject;
}

export function generateProducts(): GeneratedProducts {
  const keyOf = (entry: CatalogEntry): string => `prod-${entry.code.toLowerCase()}`;
  const products = CATALOG.filter((entry) => entry.active).map((entry) => ({
    key: keyOf(entry),
    name: entry.name,
    dealWeight: entry.dealWeight,
    priceFactor: entry.priceFactor,
    inWhiteSpace: entry.inWhiteSpace
  }));
  const records = CATALOG.map((entry) =>
    externalIdRecord(keyOf(entry), {
      Name: entry.name,
      ProductCode: entry.code,
      Family: entry.family,
      Description: entry.description,
      IsActive: entry.active
    })
  );
  return { products, object: externalIdObject('Product2', records) };
}
