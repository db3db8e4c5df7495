/**
 * Reading Salesforce metadata XML into plain, type-checked values. fast-xml-parser is lenient (it "parses" broken
 * XML), so every file is validated first and a malformed one is reported with its line.
 */
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element: child elements by tag name, attributes as `@_name`, text content as `#text`. */
export type XmlElement = { readonly [key: string]: XmlValue };
export type XmlValue = string | XmlElement | XmlValue[];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true
});

export class MetadataError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'MetadataError';
  }
}

function isElement(value: unknown): value is XmlElement {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `file` and returns its root element, which must be named `rootName`. */
export function readXmlFile(file: string, rootName: string): XmlElement {
  const xml = readFileSync(file, 'utf8');
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    throw new MetadataError(`${file}:${line}:${col}`, `malformed XML: ${msg}`);
  }
  const document: unknown = parser.parse(xml);
  const root = isElement(document) ? document[rootName] : undefined;
  if (root === undefined) throw new MetadataError(file, `expected a <${rootName}> root element`);
  // An empty root element (<CustomObject/>) parses as an empty string.
  return isElement(root) ? root : {};
}

/** Text content of the child element `key`, or undefined when absent. */
export function childText(element: XmlElement, key: string): string | undefined {
  const value = element[key];
  if (typeof value === 'string') return value;
  if (isElement(value)) {
    const inner = value['#text'];
    return typeof inner === 'string' ? inner : '';
  }
  return undefined;
}

export function childBoolean(element: XmlElement, key: string): boolean {
  return childText(element, key) === 'true';
}

export function childNumber(element: XmlElement, key: string, file: string): number | undefined {
  const raw = childText(element, key);
  if (raw === undefined) return undefined;
  const parsed = Number(raw);
  if (raw === '' || Number.isNaN(parsed))
    throw new MetadataError(file, `<${key}> must be a number, got '${raw}'`);
  return parsed;
}

export function childElement(element: XmlElement, key: string): XmlElement | undefined {
  const value = element[key];
  return isElement(value) ? value : undefined;
}

/** Child elements `key` (zero or more): a single occurrence parses as an element, several as an array. */
export function childElements(element: XmlElement, key: string): XmlElement[] {
  const value = element[key];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter(isElement);
}

export function attribute(element: XmlElement, name: string): string | undefined {
  const value = element[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}
