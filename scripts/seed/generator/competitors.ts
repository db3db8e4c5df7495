/**
 * The companies we compete with (invented names, reserved `.example` domains), maintained by sales operations.
 */
import type { CompetitorModel, UserModel } from './model';
import { externalIdObject, externalIdRecord, ref } from './records';
import type { SeedObject } from './types';

interface CompetitorEntry {
  slug: string;
  name: string;
  primaryProducts: string;
  strengths: string;
  weaknesses: string;
}

const COMPETITORS: readonly CompetitorEntry[] = [
  {
    slug: 'corvane',
    name: 'Corvane Analytics',
    primaryProducts: 'Corvane Dashboards, Corvane Embedded',
    strengths:
      'Polished dashboards that business users love; strong with marketing and finance teams; fast pilots.',
    weaknesses:
      'Weak data integration and governance; costs climb steeply with viewer licences at enterprise scale.'
  },
  {
    slug: 'helixor',
    name: 'Helixor Data Cloud',
    primaryProducts: 'Helixor Warehouse, Helixor Lakehouse',
    strengths: 'Raw warehouse performance and a large partner ecosystem; preferred by central IT architects.',
    weaknesses: 'Consumption pricing surprises finance; business users need another tool for analytics.'
  },
  {
    slug: 'stratalyne',
    name: 'Stratalyne',
    primaryProducts: 'Stratalyne iPaaS, Stratalyne Event Mesh',
    strengths: 'Hundreds of prebuilt connectors; entrenched in integration competency centers.',
    weaknesses: 'No analytics or governance story; projects depend on scarce certified consultants.'
  },
  {
    slug: 'quillmark',
    name: 'Quillmark Security',
    primaryProducts: 'Quillmark Catalog, Quillmark Privacy Vault',
    strengths: 'Deep privacy and compliance features; trusted by CISOs and data protection officers.',
    weaknesses: 'Stand-alone catalog disconnected from the platforms it governs; slow, costly rollouts.'
  },
  {
    slug: 'bluepeak',
    name: 'Bluepeak Software',
    primaryProducts: 'Bluepeak BI, Bluepeak Forecast',
    strengths: 'Low price and quick setup; wins departmental deals without IT involvement.',
    weaknesses: 'Does not scale past a few hundred users; thin security model and no data residency options.'
  },
  {
    slug: 'ordanza',
    name: 'Ordanza Consulting',
    primaryProducts: 'Custom data platforms, managed analytics services',
    strengths: 'Long executive relationships and bundled outsourcing contracts; on site with large teams.',
    weaknesses: 'Custom builds that are costly to maintain; customers end up locked into the integrator.'
  },
  {
    slug: 'meridex',
    name: 'Meridex Systems',
    primaryProducts: 'Meridex ERP Analytics Module',
    strengths: 'Bundled with the ERP the customer already runs; procurement sees it as free.',
    weaknesses: 'Only sees ERP data; on-premise roadmap and slow release cycles.'
  },
  {
    slug: 'tessavar',
    name: 'Tessavar AI',
    primaryProducts: 'Tessavar Predict',
    strengths: 'Impressive forecasting demos and aggressive pricing for first-year contracts.',
    weaknesses: 'Young company with a short track record; relies on the customer to prepare clean data.'
  }
];

export interface GeneratedCompetitors {
  competitors: CompetitorModel[];
  object: SeedObject;
}

/** Owned by sales operations, who maintain the list. */
export function generateCompetitors(salesOps: UserModel): GeneratedCompetitors {
  const keyOf = (entry: CompetitorEntry): string => `comp-${entry.slug}`;
  const records = COMPETITORS.map((entry) =>
    externalIdRecord(
      keyOf(entry),
      {
        Name: entry.name,
        Primary_Products__c: entry.primaryProducts,
        Strengths__c: entry.strengths,
        Weaknesses__c: entry.weaknesses,
        Website__c: `https://www.${entry.slug}.example`
      },
      { OwnerId: ref('User', salesOps.key) }
    )
  );
  const competitors = COMPETITORS.map((entry) => ({
    key: keyOf(entry),
    name: entry.name,
    primaryProducts: entry.primaryProducts
  }));
  return { competitors, object: externalIdObject('Competitor__c', records) };
}
