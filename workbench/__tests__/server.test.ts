/**
 * The workbench server over HTTP against a small hand-made org (twin-org.ts): the pages and what they mount, the
 * signed-in user, the static assets, the Apex endpoint with Aura's error shape, and the UI API endpoints behind
 * Lightning Data Service (records, writes, object info, picklists). The bundle is a stand-in file here: the browser
 * tests load the real one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ClientBundle } from '../server/bundle';
import { startWorkbench, type Workbench } from '../server/server';
import { addDays, startTwinOrg, type TwinOrg } from './twin-org';

let twins: TwinOrg;
let workbench: Workbench;
let bundleDir: string;
const serverErrors: string[] = [];

function stubBundle(): ClientBundle {
  bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-workbench-bundle-'));
  const file = path.join(bundleDir, 'app.0123456789abcdef.js');
  fs.writeFileSync(file, 'window.bundleLoaded = true;\n');
  return { file, hash: '0123456789abcdef', bytes: 28, buildMs: null, warnings: [] };
}

function credentials(org: TwinOrg['org']) {
  return { instanceUrl: org.instanceUrl, accessToken: org.accessToken, apiVersion: org.apiVersion };
}

beforeAll(async () => {
  twins = await startTwinOrg();
  workbench = await startWorkbench({
    projectRoot: path.resolve(__dirname, '..', '..'),
    org: credentials(twins.org),
    bundle: stubBundle(),
    log: (message) => serverErrors.push(message)
  });
}, 60_000);

afterAll(async () => {
  await workbench.close();
  await twins.close();
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

async function get(url: string): Promise<Response> {
  return fetch(`${workbench.url}${url}`, { redirect: 'manual' });
}

async function send(method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${workbench.url}${url}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? null : JSON.parse(text) };
}

interface PageContext {
  userId: string;
  mounts: { region: string; tag: string; props: Record<string, unknown> }[];
}

function pageContext(html: string): PageContext {
  const match = /<script type="application\/json" id="workbench-page">(.*?)<\/script>/s.exec(html);
  return JSON.parse(match?.[1] ?? 'null') as PageContext;
}

describe('the signed-in user', () => {
  it('is the active user owning the most open opportunities', () => {
    expect(workbench.user).toMatchObject({ id: twins.users.rep, name: 'Riley Rep' });
  });

  it('can be chosen with ATLAS_USER, and must exist', async () => {
    const other = await startWorkbench({
      projectRoot: path.resolve(__dirname, '..', '..'),
      org: credentials(twins.org),
      bundle: stubBundle(),
      userId: twins.users.manager
    });
    expect(other.user).toMatchObject({
      id: twins.users.manager,
      name: 'Maria Manager',
      reason: 'chosen with ATLAS_USER'
    });
    await other.close();
    await expect(
      startWorkbench({
        projectRoot: '.',
        org: credentials(twins.org),
        bundle: stubBundle(),
        userId: '005000000000000AAA'
      })
    ).rejects.toThrow('ATLAS_USER=005000000000000AAA is not a user of the org');
  });
});

describe('pages', () => {
  it('serves Home with the pipeline panel on my deals, my open deals and accounts to click', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1 class="slds-page-header__title slds-truncate">Home</h1>');
    expect(html).toContain('<body class="slds-scope">');
    expect(html).toContain('<script src="/workbench/app.0123456789abcdef.js" defer></script>');
    expect(html).toContain(`href="/lightning/r/Opportunity/${twins.deals.acmeExpand}/view">Acme Expand</a>`);
    expect(html).toContain(`href="/lightning/r/Account/${twins.accounts.globex}/view">Globex</a>`);
    expect(html).not.toContain('Globex Big');
    expect(pageContext(html)).toEqual({
      userId: twins.users.rep,
      mounts: [
        {
          region: 'region-main',
          tag: 'c-pipeline-health',
          props: { cardTitle: 'My Pipeline Health', defaultScope: 'mine', defaultPeriod: 'thisQuarter' }
        }
      ]
    });
  });

  it('serves an opportunity page with the path, the account panel and the stage guide', async () => {
    const id = twins.deals.globexTrial;
    const html = await (await get(`/lightning/r/Opportunity/${id}/view`)).text();
    expect(html).toContain('<title>Globex Trial | Account Atlas</title>');
    expect(html).toContain(`href="/lightning/r/Opportunity/${twins.deals.globexBig}/view">Globex Big</a>`);
    const mounts = pageContext(html).mounts;
    expect(mounts.map((mount) => `${mount.region} ${mount.tag}`)).toEqual([
      'region-highlights wb-record-highlights',
      'region-main c-pipeline-health',
      'region-path wb-stage-path',
      'region-sidebar c-stage-guide'
    ]);
    expect(mounts[1]?.props).toMatchObject({
      recordId: id,
      objectApiName: 'Opportunity',
      defaultScope: 'account'
    });
    expect(mounts[3]?.props).toEqual({ recordId: id });
  });

  it('serves an account page, escaping what the record says', async () => {
    await twins.connection
      .sobject('Account')
      .update({ Id: twins.accounts.globex, Name: 'Globex <Labs> & "Co"' });
    const html = await (await get(`/lightning/r/Account/${twins.accounts.globex}/view`)).text();
    expect(html).toContain(
      'title="Globex &lt;Labs&gt; &amp; &quot;Co&quot;">Globex &lt;Labs&gt; &amp; &quot;Co&quot;</h1>'
    );
    expect(pageContext(html).mounts.map((mount) => mount.tag)).toEqual([
      'wb-record-highlights',
      'c-pipeline-health'
    ]);
    await twins.connection.sobject('Account').update({ Id: twins.accounts.globex, Name: 'Globex' });
  });

  it('sends a record id without its object to the object-specific URL, as Lightning does', async () => {
    const response = await get(`/lightning/r/${twins.accounts.acme}/view`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/lightning/r/Account/${twins.accounts.acme}/view`);
    expect((await get('/lightning/page/home')).headers.get('location')).toBe('/');
  });

  it('answers 404 with a page for records and objects it has no page for', async () => {
    const missing = await get(`/lightning/r/Account/${twins.accounts.acme.slice(0, 12)}ZZZ/view`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('There is no Account with the id');
    expect((await get(`/lightning/r/Contact/${twins.contactId}/view`)).status).toBe(404);
    expect((await get(`/lightning/r/${twins.contactId}/view`)).status).toBe(404);
  });
});

describe('assets and bundle', () => {
  it('serves SLDS styles and icons, and nothing outside them', async () => {
    const css = await get('/assets/styles/salesforce-lightning-design-system.min.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    const sprite = await get('/assets/icons/utility-sprite/svg/symbols.svg');
    expect(sprite.headers.get('content-type')).toBe('image/svg+xml');
    expect((await get('/assets/%2e%2e/%2e%2e/package.json')).status).toBe(404);
    expect((await get('/assets/styles/missing.css')).status).toBe(404);
  });

  it('serves the bundle under its hash, cached for good', async () => {
    const response = await get('/workbench/app.0123456789abcdef.js');
    expect(await response.text()).toBe('window.bundleLoaded = true;\n');
    expect(response.headers.get('cache-control')).toContain('immutable');
  });
});

describe('the Apex endpoint', () => {
  it('runs the twin with the parameters it declares', async () => {
    const { status, json } = await send('POST', '/workbench/apex/PipelineHealthController.getDeals', {
      scope: 'mine',
      bucket: 'missingAmount',
      pageSize: 10,
      pageOffset: 0,
      unknownParameter: 'ignored'
    });
    expect(status).toBe(200);
    expect(json).toMatchObject({ total: 1, deals: [{ name: 'Globex Trial' }] });
  });

  it("fails as Aura does, with the Apex's message in body.message", async () => {
    const { status, json } = await send('POST', '/workbench/apex/PipelineHealthController.getDeals', {
      scope: 'mine',
      bucket: 'stale'
    });
    expect(status).toBe(500);
    expect(json).toEqual({
      message:
        "Unknown bucket 'stale': use open, won, lost, pastCloseDate, noNextStep, missingAmount or idle.",
      exceptionType: 'System.AuraHandledException',
      isUserDefinedException: false,
      stackTrace: ''
    });
  });

  it('finds methods case-insensitively, as Apex names are, and refuses unknown ones', async () => {
    expect((await send('POST', '/workbench/apex/stagesettingscontroller.GETSTAGES', {})).status).toBe(200);
    const unknown = await send('POST', '/workbench/apex/StageSettingsController.getStage', {});
    expect(unknown).toEqual({
      status: 404,
      json: { message: 'No Apex method StageSettingsController.getStage has a twin in the workbench.' }
    });
  });
});

describe('the UI API endpoints', () => {
  const records = '/workbench/ui-api/records';

  it('returns a record with its fields, display values and related records', async () => {
    const fields = [
      'Opportunity.Name',
      'Opportunity.Amount',
      'Opportunity.CloseDate',
      'Opportunity.StageName'
    ];
    const optional = ['Opportunity.Account.Name', 'Opportunity.NoSuchField__c'];
    const { status, json } = await send(
      'GET',
      `${records}/${twins.deals.acmeExpand}?fields=${fields.join(',')}&optionalFields=${optional.join(',')}`
    );
    expect(status).toBe(200);
    const closeDate = addDays(twins.today, 30);
    const [year, month, day] = closeDate.split('-').map(Number);
    expect(json).toMatchObject({
      apiName: 'Opportunity',
      id: twins.deals.acmeExpand,
      recordTypeId: '012000000000000AAA',
      fields: {
        Name: { value: 'Acme Expand', displayValue: null },
        Amount: { value: 100_000, displayValue: '$100,000.00' },
        CloseDate: { value: closeDate, displayValue: `${month}/${day}/${year}` },
        StageName: { value: 'Prospecting', displayValue: 'Prospecting' },
        Account: {
          displayValue: 'Acme',
          value: {
            apiName: 'Account',
            id: twins.accounts.acme,
            fields: { Name: { value: 'Acme', displayValue: null } }
          }
        }
      }
    });
    expect(Object.keys((json as { fields: object }).fields).sort()).toEqual([
      'Account',
      'Amount',
      'CloseDate',
      'Name',
      'StageName'
    ]);
  });

  it('refuses a required field that does not exist, and a record that does not', async () => {
    expect(
      await send('GET', `${records}/${twins.deals.acmeExpand}?fields=Opportunity.NoSuchField__c`)
    ).toEqual({
      status: 400,
      json: {
        errorCode: 'INVALID_FIELD',
        message: "No such column 'NoSuchField__c' on entity 'Opportunity'."
      }
    });
    const missing = await send(
      'GET',
      `${records}/${twins.deals.acmeExpand.slice(0, 12)}ZZZ?fields=Opportunity.Name`
    );
    expect(missing.status).toBe(404);
    expect((await send('GET', `${records}/nope?fields=Opportunity.Name`)).status).toBe(400);
  });

  it('updates a record in the org and answers with the new values', async () => {
    const { status, json } = await send('PATCH', `${records}/${twins.deals.acmeExpand}`, {
      fields: { StageName: 'Qualification' }
    });
    expect(status).toBe(200);
    expect(json).toMatchObject({ fields: { StageName: { value: 'Qualification' } } });
    const saved = await twins.connection.query<{ StageName: string }>(
      `SELECT StageName FROM Opportunity WHERE Id = '${twins.deals.acmeExpand}'`
    );
    expect(saved.records[0]?.StageName).toBe('Qualification');
    await twins.connection
      .sobject('Opportunity')
      .update({ Id: twins.deals.acmeExpand, StageName: 'Prospecting' });
  });

  it('reports a rejected write in the UI API shape reduceErrors reads', async () => {
    const { status, json } = await send('PATCH', `${records}/${twins.deals.acmeExpand}`, {
      fields: { NoSuchField__c: 1 }
    });
    expect(status).toBe(400);
    expect(json).toMatchObject({
      message: 'An error occurred while trying to update the record. Please try again.',
      output: { errors: [{ message: expect.stringContaining('NoSuchField__c') }] }
    });
  });

  it('creates and deletes a record', async () => {
    const created = await send('POST', records, { apiName: 'Account', fields: { Name: 'Initech' } });
    expect(created.status).toBe(201);
    const account = created.json as { id: string; fields: Record<string, { value: unknown }> };
    expect(account.fields.Name?.value).toBe('Initech');
    expect((await send('DELETE', `${records}/${account.id}`)).status).toBe(204);
    expect((await send('GET', `${records}/${account.id}?fields=Account.Name`)).status).toBe(404);
  });

  it('describes an object as object info', async () => {
    const { status, json } = await send('GET', '/workbench/ui-api/object-info/Opportunity');
    expect(status).toBe(200);
    expect(json).toMatchObject({
      apiName: 'Opportunity',
      label: 'Opportunity',
      keyPrefix: '006',
      defaultRecordTypeId: '012000000000000AAA',
      nameFields: ['Name'],
      fields: {
        StageName: { apiName: 'StageName', dataType: 'Picklist', label: 'Stage', required: true },
        AccountId: {
          dataType: 'Reference',
          relationshipName: 'Account',
          referenceToInfos: [{ apiName: 'Account' }]
        }
      }
    });
    expect((await send('GET', '/workbench/ui-api/object-info/NoSuchObject__c')).status).toBe(404);
  });

  it("lists a picklist's active values", async () => {
    const url = '/workbench/ui-api/object-info/Opportunity/picklist-values/012000000000000AAA/StageName';
    const { status, json } = await send('GET', url);
    expect(status).toBe(200);
    const values = (json as { values: { value: string; label: string }[] }).values;
    expect(values[0]).toEqual({ attributes: null, label: 'Prospecting', validFor: [], value: 'Prospecting' });
    expect(values).toHaveLength(10);
    expect((await send('GET', url.replace('StageName', 'Amount'))).status).toBe(404);
    expect((await send('GET', url.replace('012000000000000AAA', '012000000000001AAA'))).status).toBe(404);
  });

  it('reported no unexpected server error', () => {
    expect(serverErrors).toEqual([]);
  });
});
