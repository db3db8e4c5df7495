import { harness, TOKEN, V, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

describe('authentication', () => {
  it('rejects calls without the token with INVALID_SESSION_ID', async () => {
    const response = await h.app.inject({ method: 'GET', url: `${V}/sobjects` });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual([
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }
    ]);
  });

  it('rejects a wrong token and accepts the OAuth scheme', async () => {
    const wrong = await h.app.inject({
      method: 'GET',
      url: `${V}/limits`,
      headers: { authorization: 'Bearer nope' }
    });
    expect(wrong.statusCode).toBe(401);
    const oauth = await h.app.inject({
      method: 'GET',
      url: `${V}/limits`,
      headers: { authorization: `OAuth ${TOKEN}` }
    });
    expect(oauth.statusCode).toBe(200);
  });

  it('protects the admin endpoints too', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/services/admin/stats' });
    expect(response.statusCode).toBe(401);
  });
});

describe('versions and describe', () => {
  it('lists versions 50.0 to 66.0 with release labels', async () => {
    const versions = (await h.call({ method: 'GET', url: '/services/data' })).json<
      Array<Record<string, string>>
    >();
    expect(versions[0]).toEqual({ label: "Winter '21", url: '/services/data/v50.0', version: '50.0' });
    expect(versions.at(-1)).toEqual({ label: "Spring '26", url: '/services/data/v66.0', version: '66.0' });
  });

  it('answers 404 NOT_FOUND for an unknown version or route', async () => {
    for (const url of ['/services/data/v49.0/sobjects', '/services/data/v67.0/limits', `${V}/nowhere`]) {
      const response = await h.call({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual([
        { message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }
      ]);
    }
  });

  it('describes globally and per object, with urls and describe defaults', async () => {
    const global = (await h.call({ method: 'GET', url: `${V}/sobjects` })).json<{
      sobjects: Array<Record<string, unknown>>;
    }>();
    expect(global.sobjects.map((entry) => entry.name)).toEqual(['Account', 'Contact']);
    expect(global.sobjects[0]?.urls).toEqual({
      sobject: `${V}/sobjects/Account`,
      describe: `${V}/sobjects/Account/describe`,
      rowTemplate: `${V}/sobjects/Account/{ID}`
    });
    const describe = (await h.call({ method: 'GET', url: `${V}/sobjects/account/describe` })).json<{
      name: string;
      fields: Array<Record<string, unknown>>;
      childRelationships: Array<Record<string, unknown>>;
    }>();
    expect(describe.name).toBe('Account');
    const flag = describe.fields.find((candidate) => candidate.name === 'IsKey__c');
    expect(flag).toMatchObject({ soapType: 'xsd:boolean', defaultValue: false, defaultValueFormula: null });
    expect(describe.childRelationships[0]).toMatchObject({
      relationshipName: 'Contacts',
      restrictedDelete: false
    });
    const unknown = await h.call({ method: 'GET', url: `${V}/sobjects/Nope__c/describe` });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('single records', () => {
  it('creates (201), reads, updates (204) and deletes (204)', async () => {
    const created = await h.call({ method: 'POST', url: `${V}/sobjects/Account`, payload: { Name: 'Acme' } });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    expect(created.json()).toEqual({ id, success: true, errors: [] });

    const read = await h.call({ method: 'GET', url: `${V}/sobjects/Account/${id}?fields=Name` });
    expect(read.json()).toMatchObject({ Name: 'Acme' });

    const updated = await h.call({
      method: 'PATCH',
      url: `${V}/sobjects/Account/${id}`,
      payload: { Name: 'Acme 2' }
    });
    expect(updated.statusCode).toBe(204);
    expect(h.store.tables.get('Account')?.get(id)?.Name).toBe('Acme 2');

    const deleted = await h.call({ method: 'DELETE', url: `${V}/sobjects/Account/${id}` });
    expect(deleted.statusCode).toBe(204);
    const gone = await h.call({ method: 'GET', url: `${V}/sobjects/Account/${id}` });
    expect(gone.statusCode).toBe(404);
  });

  it('answers a failed create with 400 and the row errors', async () => {
    const response = await h.call({ method: 'POST', url: `${V}/sobjects/Account`, payload: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual([
      {
        message: 'Required fields are missing: [Name]',
        errorCode: 'REQUIRED_FIELD_MISSING',
        fields: ['Name']
      }
    ]);
  });

  it('answers 404 for an id of another object, 405 for a wrong method, 415 for a wrong type, 400 for bad JSON', async () => {
    const other = await h.call({
      method: 'PATCH',
      url: `${V}/sobjects/Account/003Lo0000000001AAA`,
      payload: { Name: 'x' }
    });
    expect(other.statusCode).toBe(404);
    const method = await h.call({ method: 'PUT', url: `${V}/sobjects/Account`, payload: {} });
    expect(method.statusCode).toBe(405);
    expect(method.headers.allow).toBe('GET,POST');
    expect(method.json()).toEqual([
      { message: "HTTP Method 'PUT' not allowed. Allowed are GET,POST", errorCode: 'METHOD_NOT_ALLOWED' }
    ]);
    const media = await h.call({
      method: 'POST',
      url: `${V}/sobjects/Account`,
      payload: 'Name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' }
    });
    expect(media.statusCode).toBe(415);
    expect(media.json<Array<{ errorCode: string }>>()[0]?.errorCode).toBe('UNSUPPORTED_MEDIA_TYPE');
    const json = await h.call({
      method: 'POST',
      url: `${V}/sobjects/Account`,
      payload: '{"Name":',
      headers: { 'content-type': 'application/json' }
    });
    expect(json.statusCode).toBe(400);
    expect(json.json<Array<{ errorCode: string }>>()[0]?.errorCode).toBe('JSON_PARSER_ERROR');
  });

  it('upserts by external id: 201 created, then 200 updated, and reads by external id', async () => {
    const first = await h.call({
      method: 'PATCH',
      url: `${V}/sobjects/Account/External_Id__c/A-1`,
      payload: { Name: 'One' }
    });
    expect(first.statusCode).toBe(201);
    const { id } = first.json<{ id: string }>();
    expect(first.json()).toEqual({ id, success: true, errors: [], created: true });
    const second = await h.call({
      method: 'PATCH',
      url: `${V}/sobjects/Account/External_Id__c/A-1`,
      payload: { Name: 'Uno' }
    });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({ id, success: true, errors: [], created: false });
    const older = await h.call({
      method: 'PATCH',
      url: '/services/data/v50.0/sobjects/Account/External_Id__c/A-1',
      payload: { Name: 'Una' }
    });
    expect(older.statusCode).toBe(200);
    const read = await h.call({ method: 'GET', url: `${V}/sobjects/Account/External_Id__c/A-1` });
    expect(read.json()).toMatchObject({ Id: id, Name: 'Una' });
    const missing = await h.call({ method: 'GET', url: `${V}/sobjects/Account/External_Id__c/nope` });
    expect(missing.statusCode).toBe(404);
    const notExternal = await h.call({ method: 'PATCH', url: `${V}/sobjects/Account/Name/x`, payload: {} });
    expect(notExternal.statusCode).toBe(404);
    const removed = await h.call({ method: 'DELETE', url: `${V}/sobjects/Account/External_Id__c/A-1` });
    expect(removed.statusCode).toBe(204);
    expect(h.store.tables.get('Account')?.size).toBe(0);
  });

  it('answers 300 when an external id matches several records', async () => {
    await h.store.create(
      'Account',
      [
        { Name: 'a', External_Id__c: 'dup' },
        { Name: 'b', External_Id__c: 'dup' }
      ],
      {
        allOrNone: true
      }
    );
    const response = await h.call({
      method: 'PATCH',
      url: `${V}/sobjects/Account/External_Id__c/dup`,
      payload: { Name: 'c' }
    });
    expect(response.statusCode).toBe(300);
    const read = await h.call({ method: 'GET', url: `${V}/sobjects/Account/External_Id__c/dup` });
    expect(read.statusCode).toBe(300);
    expect(read.json<string[]>()).toHaveLength(2);
  });
});

describe('limits, identity and stats', () => {
  it('counts calls by kind and reflects them in DailyApiRequests', async () => {
    await h.call({ method: 'GET', url: `${V}/sobjects` });
    await h.call({ method: 'GET', url: `${V}/sobjects/Account/describe` });
    await h.call({ method: 'POST', url: `${V}/sobjects/Account`, payload: { Name: 'x' } });
    const limits = (await h.call({ method: 'GET', url: `${V}/limits` })).json<
      Record<string, { Max: number; Remaining: number }>
    >();
    const { Max = 0, Remaining = 0 } = limits.DailyApiRequests ?? {};
    expect(Max - Remaining).toBe(4);
    const stats = (await h.call({ method: 'GET', url: '/services/admin/stats' })).json<{
      total: number;
      byKind: Record<string, number>;
    }>();
    expect(stats.total).toBe(4);
    expect(stats.byKind).toMatchObject({ describe: 2, rest: 1, limits: 1 });
  });

  it('answers the resource directory and the identity', async () => {
    const root = (await h.call({ method: 'GET', url: V })).json<Record<string, string>>();
    expect(root.query).toBe(`${V}/query`);
    const identity = await h.app.inject({
      method: 'GET',
      url: `${new URL(root.identity ?? '').pathname}?oauth_token=${TOKEN}`
    });
    expect(identity.json()).toMatchObject({
      user_id: h.store.currentUserId,
      organization_id: '00DLo0000000001AAA'
    });
  });
});
