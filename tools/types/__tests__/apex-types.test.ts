import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readProjectSchema } from '../../schema/read-project';
import type { ProjectSchema } from '../../schema/types';
import { createFixtureProject } from '../../schema/__tests__/fixture-project';
import { ApexSourceError, parseApexFile, type ApexClass, type ApexFile } from '../apex-model';
import { ApexTypeMapper } from '../apex-types';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-apex-'));
let schema: ProjectSchema;

beforeAll(() => {
  const project = createFixtureProject();
  schema = readProjectSchema(project.root);
  project.remove();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function parse(source: string, name = 'Probe.cls'): ApexFile {
  const file = path.join(dir, name);
  fs.writeFileSync(file, source);
  return parseApexFile(file, `classes/${name}`);
}

function parseClass(source: string): ApexClass {
  const type = parse(source).type;
  if (type?.kind !== 'class') throw new Error('expected a class');
  return type;
}

const OTHER = parseClass(`
  public class Other {
    public class Row { @AuraEnabled public String label; }
  }`);

const PROBE_TYPES = `
  public class Dto { @AuraEnabled public Integer size; }
  public enum Level { LOW, HIGH }`;

/** Maps `typeText` as the type of a member of a probe class declaring an inner Dto and an inner enum. */
function mapType(typeText: string): { ts: string; problems: string[]; mapper: ApexTypeMapper } {
  const probe = parseClass(`public class Probe { @AuraEnabled public ${typeText} probe; ${PROBE_TYPES} }`);
  const member = probe.members[0];
  if (member === undefined) throw new Error('no member parsed');
  const mapper = new ApexTypeMapper(schema, [probe, OTHER]);
  const ts = mapper.map(member.type, probe, { usedIn: 'Probe.probe', location: member.location });
  return { ts, problems: mapper.problems, mapper };
}

describe('ApexTypeMapper.map', () => {
  it.each([
    ['String', 'string'],
    ['Id', 'string'],
    ['Integer', 'number'],
    ['Long', 'number'],
    ['Decimal', 'number'],
    ['Double', 'number'],
    ['Boolean', 'boolean'],
    ['Date', 'string'],
    ['Datetime', 'string'],
    ['Time', 'string'],
    ['Blob', 'string'],
    ['Object', 'unknown'],
    ['string', 'string'],
    ['DATETIME', 'string'],
    ['System.Integer', 'number'],
    ['List<String>', 'string[]'],
    ['Set<Id>', 'string[]'],
    ['String[]', 'string[]'],
    ['list<List<Decimal>>', 'number[][]'],
    ['Map<Id, Boolean>', 'Record<string, boolean>'],
    ['Map<String, List<Account>>', 'Record<string, AtlasSObject.Account[]>'],
    ['Account', 'AtlasSObject.Account'],
    ['opportunity', 'AtlasSObject.Opportunity'],
    ['Schema.Contact', 'AtlasSObject.Contact'],
    ['SObject', 'AtlasSObject.SObject'],
    ['List<SObject>', 'AtlasSObject.SObject[]'],
    ['Dto', 'AtlasApex.Probe.Dto'],
    ['dto[]', 'AtlasApex.Probe.Dto[]'],
    ['Level', 'AtlasApex.Probe.Level'],
    ['Probe', 'AtlasApex.Probe'],
    ['Other', 'AtlasApex.Other'],
    ['Other.Row', 'AtlasApex.Other.Row'],
    ['Map<String, Other.Row>', 'Record<string, AtlasApex.Other.Row>']
  ])('%s → %s', (apex, ts) => {
    const result = mapType(apex);
    expect(result.problems).toEqual([]);
    expect(result.ts).toBe(ts);
  });

  it('records each Apex type it meets once, with the type that declares it', () => {
    const { mapper } = mapType('Map<String, List<Dto>>');
    mapType('Dto');
    expect(mapper.referencedTypes().map((r) => [r.tsName, r.outer, r.scope.name])).toEqual([
      ['AtlasApex.Probe.Dto', 'Probe', 'Probe']
    ]);
  });

  it.each([
    ['Widget', "unknown Apex type 'Widget'"],
    ['Other.Missing', "unknown Apex type 'Other.Missing'"],
    ['Schema.Nope__c', "unknown Apex type 'Schema.Nope__c'"],
    ['a.b.C', "unknown Apex type 'a.b.C'"],
    ['List<Widget>', "unknown Apex type 'Widget'"],
    ['Map<String>', "'Map<String>' needs 2 type arguments"]
  ])('reports %s with file, line and usage', (apex, message) => {
    const { ts, problems } = mapType(apex);
    expect(problems).toEqual([`classes/Probe.cls:1: ${message} in Probe.probe`]);
    expect(ts).toMatch(/unknown/);
  });
});

describe('parseApexFile', () => {
  it('reads @AuraEnabled static methods, instance members, inner types and test annotations', () => {
    const file = parse(`
      @IsTest(SeeAllData=false)
      public with sharing class Ctrl extends Base {
        @AuraEnabled(Cacheable = TRUE)
        public static List<Account> getAccounts(Id accountId, Integer max) { return null; }
        @AuraEnabled
        public static void save(Account record) {}
        @AuraEnabled public static Decimal total() { return 0; }
        public static String notExposed() { return ''; }
        @AuraEnabled public String a, b;
        @AuraEnabled public Integer c { get; private set; }
        @AuraEnabled public static String staticField;
        public String hidden;
        static { hidden = null; }
        public class Inner { @AuraEnabled public Boolean ok; }
        public enum Mood { HAPPY }
      }`);
    expect(file.isTest).toBe(true);
    const ctrl = file.type;
    if (ctrl?.kind !== 'class') throw new Error('expected a class');
    expect(ctrl.superclass?.names).toEqual(['Base']);
    expect(
      ctrl.methods.map((m) => [
        m.name,
        m.cacheable,
        m.parameters.map((p) => p.name),
        m.returnType?.text ?? 'void'
      ])
    ).toEqual([
      ['getAccounts', true, ['accountId', 'max'], 'List<Account>'],
      ['save', false, ['record'], 'void'],
      ['total', false, [], 'Decimal']
    ]);
    expect(ctrl.members.map((m) => m.name)).toEqual(['a', 'b', 'c']);
    expect(ctrl.innerTypes.map((t) => `${t.kind} ${t.name}`)).toEqual(['class Inner', 'enum Mood']);
    expect(ctrl.methods[0]?.location).toEqual({ displayPath: 'classes/Probe.cls', line: 5 });
  });

  it('reads a top-level enum, and an interface as nothing', () => {
    expect(parse('public enum Color { RED, GREEN }').type).toMatchObject({
      kind: 'enum',
      values: ['RED', 'GREEN']
    });
    expect(parse('public interface Shape { Decimal area(); }').type).toBeNull();
  });

  it('reports every syntax error with file, line and column, without the token list', () => {
    expect.assertions(2);
    try {
      parse('public class Broken {\n  public void f( {\n}\n');
    } catch (error) {
      expect(error).toBeInstanceOf(ApexSourceError);
      expect((error as ApexSourceError).problems).toEqual([
        "classes/Probe.cls:2:18: syntax error: mismatched input '{'",
        "classes/Probe.cls:4:1: syntax error: extraneous input '<EOF>'"
      ]);
    }
  });
});
