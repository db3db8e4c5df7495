/**
 * Resolving field paths (`Name`, `Account.Name`, `Account.Owner.Name`, `What.Name`) against the model, without
 * regard to case, into SQL over the query's main table and the LEFT JOINs its parent relationships need. A
 * polymorphic relationship (Task.What) joins each object it may point to; the value is whichever one matched.
 */
import { fieldSql } from '../store/computed';
import { quoteIdentifier, type ObjectModel } from '../store/model';
import type { QueryContext } from './context';
import { queryErrors } from './errors';
import { picklist, values } from '../../../tools/schema/field-builders';
import type { FieldDescriptor } from '../../../tools/schema/types';

/** One hop through a parent relationship, as the result's nested record needs it. */
export interface RelationshipStep {
  /** The relationship name, as describe spells it (`Account`, `Owner`). */
  name: string;
  /** SQL of the reference field the hop follows: the parent's id. */
  idSql: string;
  /** The parent's object, or null when it depends on the id (polymorphic). */
  typeName: string | null;
}

export interface ResolvedField {
  field: FieldDescriptor;
  /** The object the field was found on (the first of a polymorphic relationship's objects that has it). */
  owner: ObjectModel;
  sql: string;
  steps: RelationshipStep[];
  /** The path as written, for messages. */
  path: string;
}

interface Level {
  targets: { object: ObjectModel; alias: string }[];
  key: string;
}

export class FieldResolver {
  readonly root: ObjectModel;
  readonly rootAlias: string;
  private readonly context: QueryContext;
  private readonly sObjectAlias: string | undefined;
  private readonly levels = new Map<string, Level>();
  private readonly joins: string[] = [];

  constructor(context: QueryContext, root: ObjectModel, sObjectAlias?: string) {
    this.context = context;
    this.root = root;
    this.rootAlias = context.aliases.take();
    this.sObjectAlias = sObjectAlias?.toLowerCase();
  }

  /** The LEFT JOINs the resolved paths need. */
  joinSql(): string {
    return this.joins.join(' ');
  }

  resolve(path: string): ResolvedField {
    const parts = path.split('.');
    const first = parts[0]?.toLowerCase();
    if (parts.length > 1 && first !== undefined && first === this.sObjectAlias) parts.shift();
    const fieldName = parts.pop() ?? '';
    let level: Level = { targets: [{ object: this.root, alias: this.rootAlias }], key: '' };
    const steps: RelationshipStep[] = [];
    for (const name of parts) {
      const [current] = level.targets;
      if (current === undefined || level.targets.length > 1) throw queryErrors.noSuchRelationship(name);
      const reference = current.object.parentRelationship(name);
      if (reference === undefined) throw queryErrors.noSuchRelationship(name);
      const idSql = `${current.alias}.${quoteIdentifier(reference.name)}`;
      level = this.join(level, reference, idSql);
      const [only] = level.targets;
      steps.push({
        name: reference.relationshipName ?? name,
        idSql,
        typeName: level.targets.length === 1 && only !== undefined ? only.object.name : null
      });
    }
    return { ...this.fieldAt(level, fieldName, steps), steps, path };
  }

  private join(from: Level, reference: FieldDescriptor, idSql: string): Level {
    const key = `${from.key}.${reference.name.toLowerCase()}`;
    const existing = this.levels.get(key);
    if (existing !== undefined) return existing;
    const objects = reference.referenceTo.flatMap((name) => this.context.model.object(name) ?? []);
    if (objects.length === 0)
      throw queryErrors.noSuchRelationship(reference.relationshipName ?? reference.name);
    const targets = objects.map((object) => {
      const alias = this.context.aliases.take();
      this.joins.push(`LEFT JOIN ${object.table} ${alias} ON ${alias}."Id" = ${idSql}`);
      return { object, alias };
    });
    const level = { targets, key };
    this.levels.set(key, level);
    return level;
  }

  private fieldAt(
    level: Level,
    fieldName: string,
    steps: RelationshipStep[]
  ): { field: FieldDescriptor; owner: ObjectModel; sql: string } {
    const last = steps[steps.length - 1];
    const [target] = level.targets;
    if (level.targets.length > 1 && fieldName.toLowerCase() === 'type' && last !== undefined && target) {
      return { ...this.objectType(level, last.idSql), owner: target.object };
    }
    const found = level.targets.flatMap(({ object, alias }) => {
      const field = object.field(fieldName);
      return field === undefined ? [] : [{ object, alias, field }];
    });
    const [first] = found;
    if (first === undefined) {
      throw queryErrors.noSuchColumn(
        fieldName,
        level.targets.length === 1 && target ? target.object.name : 'Name'
      );
    }
    const { field, object: owner } = first;
    if (found.length > 1 && field.type === 'id' && last !== undefined)
      return { field, owner, sql: last.idSql };
    const sqls = found.map(({ object, alias, field: each }) => fieldSql(this.context, object, each, alias));
    return { field, owner, sql: sqls.length === 1 ? (sqls[0] ?? '') : `COALESCE(${sqls.join(', ')})` };
  }

  /** `What.Type`: the name of the object a polymorphic reference points to, from the id's key prefix. */
  private objectType(level: Level, idSql: string): { field: FieldDescriptor; sql: string } {
    const names = level.targets.map(({ object }) => object.name);
    const cases = level.targets
      .map(({ object }) => {
        const prefix = this.context.params.add(object.descriptor.keyPrefix);
        return `WHEN ${prefix} THEN ${this.context.params.add(object.name)}`;
      })
      .join(' ');
    return { field: picklist('Type', values(names)), sql: `(CASE substr(${idSql}, 1, 3) ${cases} END)` };
  }
}
