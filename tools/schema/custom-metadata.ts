/**
 * Reading custom metadata records (`customMetadata/<Type>.<Record>.md-meta.xml`).
 */
import { basename } from 'node:path';
import type { CustomMetadataRecord, CustomMetadataValue, ObjectDescriptor } from './types';
import {
  MetadataError,
  attribute,
  childBoolean,
  childElements,
  childText,
  readXmlFile,
  type XmlElement
} from './xml';

const NUMERIC_XSD_TYPES = new Set(['xsd:double', 'xsd:int', 'xsd:long', 'xsd:decimal']);

/** `Stage_Setting.Default.md-meta.xml` → type `Stage_Setting__mdt`, record `Default`. */
function recordNameOf(file: string, displayPath: string): { type: string; developerName: string } {
  const match = /^([^.]+)\.([^.]+)\.md-meta\.xml$/.exec(basename(file));
  if (match === null)
    throw new MetadataError(displayPath, 'expected a file named <Type>.<Record>.md-meta.xml');
  return { type: `${match[1] ?? ''}__mdt`, developerName: match[2] ?? '' };
}

function valueOf(entry: XmlElement): CustomMetadataValue {
  const [value] = childElements(entry, 'value');
  const raw = childText(entry, 'value');
  if (value !== undefined && attribute(value, 'xsi:nil') === 'true') return null;
  if (raw === undefined) return null;
  const xsdType = value === undefined ? undefined : attribute(value, 'xsi:type');
  if (xsdType === 'xsd:boolean') return raw === 'true';
  if (xsdType !== undefined && NUMERIC_XSD_TYPES.has(xsdType)) return Number(raw);
  return raw;
}

/** Reads one record; its type must be known to `findType` and every value must name a field of the type. */
export function readCustomMetadataRecord(
  file: string,
  displayPath: string,
  findType: (typeName: string) => ObjectDescriptor | undefined
): CustomMetadataRecord {
  const { type: typeName, developerName } = recordNameOf(file, displayPath);
  const type = findType(typeName);
  if (type === undefined) throw new MetadataError(displayPath, `unknown custom metadata type '${typeName}'`);
  const element = readXmlFile(file, 'CustomMetadata');
  const fieldsByLowerName = new Map(type.fields.map((f) => [f.name.toLowerCase(), f.name]));
  const values: Record<string, CustomMetadataValue> = {};
  for (const entry of childElements(element, 'values')) {
    const fieldName = childText(entry, 'field') ?? '';
    const canonical = fieldsByLowerName.get(fieldName.toLowerCase());
    if (canonical === undefined)
      throw new MetadataError(displayPath, `${type.name} has no field '${fieldName}'`);
    values[canonical] = valueOf(entry);
  }
  return {
    type: type.name,
    developerName,
    label: childText(element, 'label') ?? '',
    protected: childBoolean(element, 'protected'),
    values,
    file
  };
}
