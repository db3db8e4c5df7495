/**
 * The workbench's pages, laid out like Lightning pages with SLDS: Home, an Account record page and an Opportunity
 * record page, at Lightning's own URLs. The package's components go where an admin would drop them in Lightning
 * App Builder; the page frame (app bar, record header, the lists that link to records) is the workbench's own.
 *
 * | page                                  | components                                                         |
 * | ------------------------------------- | ------------------------------------------------------------------ |
 * | `/` (Home)                            | c-pipeline-health (my deals)                                       |
 * | `/lightning/r/Account/<id>/view`      | c-pipeline-health (the account)                                    |
 * | `/lightning/r/Opportunity/<id>/view`  | wb-stage-path, c-pipeline-health (the deal's account), c-stage-guide |
 */
import type { Connection } from 'jsforce';
import { type Html, html, scriptJson } from './html';
import type { SignedInUser } from './user';

/** Every component a page mounts, by tag: what the bundle must contain. */
export const MOUNTED_COMPONENTS: readonly string[] = [
  'c-pipeline-health',
  'c-stage-guide',
  'wb-record-highlights',
  'wb-stage-path'
];

/** Objects with a record page, and the fields their record header shows. */
export const RECORD_PAGES: Readonly<Record<string, { icon: string; highlights: string[] }>> = {
  Account: {
    icon: 'account',
    highlights: ['Account.Type', 'Account.Industry', 'Account.BillingCity', 'Account.Owner.Name']
  },
  Opportunity: {
    icon: 'opportunity',
    highlights: [
      'Opportunity.Account.Name',
      'Opportunity.CloseDate',
      'Opportunity.Amount',
      'Opportunity.Owner.Name'
    ]
  }
};

interface Mount {
  region: string;
  tag: string;
  props: Record<string, unknown>;
}

export interface Page {
  status: number;
  html: string;
}

interface Frame {
  title: string;
  user: SignedInUser;
  bundleUrl: string;
  mounts: Mount[];
  body: Html;
}

const SPRITES = '/assets/icons';

function icon(category: 'standard' | 'utility', name: string, size = 'slds-icon_small'): Html {
  return html`<span class="slds-icon_container slds-icon-${category}-${name}">
    <svg class="slds-icon ${size}" aria-hidden="true">
      <use href="${SPRITES}/${category}-sprite/svg/symbols.svg#${name}"></use>
    </svg>
  </span>`;
}

function frame({ title, user, bundleUrl, mounts, body }: Frame): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} | Account Atlas</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css" />
        <style>
          body {
            background: #f3f3f3;
            min-height: 100vh;
          }
          .workbench-main {
            padding: 0.75rem;
          }
          .workbench-main > * + * {
            margin-top: 0.75rem;
          }
        </style>
      </head>
      <body class="slds-scope">
        <a class="slds-assistive-text slds-assistive-text_focus" href="#main">Skip to the page content</a>
        <header class="slds-context-bar">
          <div class="slds-context-bar__primary">
            <div class="slds-context-bar__item slds-context-bar__dropdown-trigger slds-no-hover">
              <span class="slds-context-bar__label-action slds-context-bar__app-name">
                <span class="slds-truncate" title="Account Atlas">Account Atlas</span>
              </span>
            </div>
          </div>
          <nav class="slds-context-bar__secondary" aria-label="Account Atlas">
            <ul class="slds-grid">
              <li class="slds-context-bar__item">
                <a class="slds-context-bar__label-action" href="/"><span class="slds-truncate">Home</span></a>
              </li>
              <li class="slds-context-bar__item">
                <a class="slds-context-bar__label-action" href="${APP_PAGE_URL}"
                  ><span class="slds-truncate">Pipeline Health</span></a
                >
              </li>
            </ul>
          </nav>
          <div
            class="slds-context-bar__tertiary slds-col_bump-left slds-grid slds-grid_vertical-align-center slds-p-right_medium slds-show_medium"
          >
            <span class="slds-text-body_small">Signed in as ${user.name} · local org</span>
          </div>
        </header>
        <main id="main" class="workbench-main">${body}</main>
        <script type="application/json" id="workbench-page">
          ${scriptJson({ userId: user.id, mounts })}
        </script>
        <script src="${bundleUrl}" defer></script>
      </body>
    </html> `.markup;
}

function card(title: string, iconName: string, content: Html): Html {
  return html`<article class="slds-card">
    <div class="slds-card__header slds-grid">
      <header class="slds-media slds-media_center slds-has-flexi-truncate">
        <div class="slds-media__figure">${icon('standard', iconName)}</div>
        <div class="slds-media__body"><h2 class="slds-card__header-title">${title}</h2></div>
      </header>
    </div>
    <div class="slds-card__body slds-card__body_inner">${content}</div>
  </article>`;
}

function recordUrl(objectApiName: string, id: string): string {
  return `/lightning/r/${objectApiName}/${id}/view`;
}

const money = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0
});

interface DealRow {
  Id: string;
  Name: string;
  StageName: string;
  Amount: number | null;
  CloseDate: string;
  Account: { Name: string } | null;
}

function dealList(deals: DealRow[], empty: string): Html {
  if (deals.length === 0) {
    return html`<p class="slds-text-color_weak">${empty}</p>`;
  }
  return html`<ul class="slds-has-dividers_bottom-space">
    ${deals.map(
      (deal) =>
        html`<li class="slds-item">
          <a href="${recordUrl('Opportunity', deal.Id)}">${deal.Name}</a>
          <p class="slds-text-body_small slds-text-color_weak">
            ${deal.StageName} · ${deal.Amount === null ? 'no amount' : money.format(deal.Amount)} · closes
            ${deal.CloseDate}
          </p>
        </li>`
    )}
  </ul>`;
}

const OPEN_DEAL_FIELDS = 'Id, Name, StageName, Amount, CloseDate, Account.Name';

export async function homePage(connection: Connection, user: SignedInUser, bundleUrl: string): Promise<Page> {
  const accounts = await connection.query<{ Id: string; Name: string; Industry: string | null }>(
    'SELECT Id, Name, Industry FROM Account ORDER BY Name LIMIT 8'
  );
  const deals = await connection.query<DealRow>(
    `SELECT ${OPEN_DEAL_FIELDS} FROM Opportunity WHERE IsClosed = false AND OwnerId = '${user.id}' ` +
      'ORDER BY CloseDate, Name LIMIT 8'
  );
  const accountList =
    accounts.records.length === 0
      ? html`<p class="slds-text-color_weak">No accounts yet: run npm run seed.</p>`
      : html`<ul class="slds-has-dividers_bottom-space">
          ${accounts.records.map(
            (account) =>
              html`<li class="slds-item">
                <a href="${recordUrl('Account', account.Id)}">${account.Name}</a>
                <p class="slds-text-body_small slds-text-color_weak">${account.Industry ?? 'No industry'}</p>
              </li>`
          )}
        </ul>`;
  const body = html`<div class="slds-page-header">
      <div class="slds-page-header__row">
        <div class="slds-page-header__col-title">
          <div class="slds-media">
            <div class="slds-media__figure">${icon('standard', 'home')}</div>
            <div class="slds-media__body">
              <h1 class="slds-page-header__title slds-truncate">Home</h1>
              <p class="slds-page-header__name-meta">Signed in as ${user.name}: ${user.reason}.</p>
            </div>
          </div>
        </div>
      </div>
    </div>
    <div class="slds-grid slds-gutters_small slds-wrap">
      <div class="slds-col slds-size_1-of-1 slds-large-size_8-of-12" id="region-main"></div>
      <div class="slds-col slds-size_1-of-1 slds-large-size_4-of-12">
        ${card('My Open Opportunities', 'opportunity', dealList(deals.records, 'You own no open opportunity.'))}
        <div class="slds-m-top_small">${card('Accounts', 'account', accountList)}</div>
      </div>
    </div>`;
  const mounts: Mount[] = [
    {
      region: 'region-main',
      tag: 'c-pipeline-health',
      props: { cardTitle: 'My Pipeline Health', defaultScope: 'mine', defaultPeriod: 'thisQuarter' }
    }
  ];
  return { status: 200, html: frame({ title: 'Home', user, bundleUrl, mounts, body }) };
}

/** Where Lightning serves the package's Pipeline Health app page (its tab, `Pipeline_Health`). */
export const APP_PAGE_URL = '/lightning/n/Pipeline_Health';

/**
 * The Pipeline Health app page, as the package's `Pipeline_Health` flexipage lays it out for a sales manager: the
 * panel across the page, on everything the user can see.
 */
export function appPage(user: SignedInUser, bundleUrl: string): Page {
  const body = html`<div class="slds-page-header">
      <div class="slds-page-header__row">
        <div class="slds-page-header__col-title">
          <div class="slds-media">
            <div class="slds-media__figure">${icon('standard', 'forecasts')}</div>
            <div class="slds-media__body">
              <h1 class="slds-page-header__title slds-truncate">Pipeline Health</h1>
              <p class="slds-page-header__name-meta">Every deal you can see, as the app page shows it.</p>
            </div>
          </div>
        </div>
      </div>
    </div>
    <div id="region-main"></div>`;
  const mounts: Mount[] = [
    {
      region: 'region-main',
      tag: 'c-pipeline-health',
      props: { cardTitle: 'Pipeline health', defaultScope: 'all', defaultPeriod: 'thisQuarter' }
    }
  ];
  return { status: 200, html: frame({ title: 'Pipeline Health', user, bundleUrl, mounts, body }) };
}

export function notFoundPage(user: SignedInUser, bundleUrl: string, message: string): Page {
  const body = html`<div class="slds-page-header">
      <h1 class="slds-page-header__title">Page not found</h1>
    </div>
    <div class="slds-box slds-theme_default">
      <p>${message}</p>
      <p class="slds-m-top_small"><a href="/">Back to Home</a></p>
    </div>`;
  return { status: 404, html: frame({ title: 'Page not found', user, bundleUrl, mounts: [], body }) };
}

function recordHeader(objectLabel: string, name: string, iconName: string): Html {
  return html`<div class="slds-page-header slds-page-header_record-home">
    <div class="slds-page-header__row">
      <div class="slds-page-header__col-title">
        <div class="slds-media">
          <div class="slds-media__figure">${icon('standard', iconName)}</div>
          <div class="slds-media__body">
            <p class="slds-page-header__name-meta">${objectLabel}</p>
            <h1 class="slds-page-header__title slds-truncate" title="${name}">${name}</h1>
          </div>
        </div>
      </div>
    </div>
    <div class="slds-page-header__row slds-page-header__row_gutters">
      <div class="slds-page-header__col-details" id="region-highlights"></div>
    </div>
  </div>`;
}

export async function recordPage(
  connection: Connection,
  user: SignedInUser,
  bundleUrl: string,
  objectApiName: string,
  recordId: string
): Promise<Page> {
  const page = RECORD_PAGES[objectApiName];
  if (page === undefined || !/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(recordId)) {
    return notFoundPage(
      user,
      bundleUrl,
      `The workbench has record pages for accounts and opportunities only.`
    );
  }
  const fields = objectApiName === 'Opportunity' ? 'Id, Name, AccountId' : 'Id, Name';
  const [record] = (
    await connection.query<{ Id: string; Name: string; AccountId?: string | null }>(
      `SELECT ${fields} FROM ${objectApiName} WHERE Id = '${recordId}'`
    )
  ).records;
  if (record === undefined) {
    return notFoundPage(user, bundleUrl, `There is no ${objectApiName} with the id ${recordId} in the org.`);
  }
  const accountId = objectApiName === 'Account' ? record.Id : (record.AccountId ?? null);
  const deals =
    accountId === null
      ? []
      : (
          await connection.query<DealRow>(
            `SELECT ${OPEN_DEAL_FIELDS} FROM Opportunity WHERE IsClosed = false AND AccountId = '${accountId}' ` +
              'ORDER BY CloseDate, Name LIMIT 8'
          )
        ).records;
  const common = { recordId: record.Id, objectApiName };
  const mounts: Mount[] = [
    {
      region: 'region-highlights',
      tag: 'wb-record-highlights',
      props: { ...common, fields: page.highlights }
    },
    {
      region: 'region-main',
      tag: 'c-pipeline-health',
      props: {
        ...common,
        cardTitle: objectApiName === 'Account' ? 'Account Pipeline Health' : "Account's Pipeline Health",
        defaultScope: 'account',
        defaultPeriod: 'thisQuarter'
      }
    }
  ];
  if (objectApiName === 'Opportunity') {
    mounts.push(
      { region: 'region-path', tag: 'wb-stage-path', props: { recordId: record.Id } },
      { region: 'region-sidebar', tag: 'c-stage-guide', props: { recordId: record.Id } }
    );
  }
  const body = html`${recordHeader(objectApiName, record.Name, page.icon)}
    ${objectApiName === 'Opportunity' ? html`<div id="region-path"></div>` : ''}
    <div class="slds-grid slds-gutters_small slds-wrap">
      <div class="slds-col slds-size_1-of-1 slds-large-size_8-of-12" id="region-main"></div>
      <div class="slds-col slds-size_1-of-1 slds-large-size_4-of-12">
        <div id="region-sidebar"></div>
        <div class="${objectApiName === 'Opportunity' ? 'slds-m-top_small' : ''}">
          ${card('Open Opportunities of the Account', 'opportunity', dealList(deals, 'The account has no open opportunity.'))}
        </div>
      </div>
    </div>`;
  return { status: 200, html: frame({ title: record.Name, user, bundleUrl, mounts, body }) };
}
