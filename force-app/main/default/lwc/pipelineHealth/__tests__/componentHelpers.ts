/**
 * What the component tests share to drive a component as a user would: mounting it, letting it render, and
 * reading its shadow tree (text, elements, the cells of its tables).
 */
import { createElement } from 'lwc';

/** Mounts a component with its public properties set. */
export function mount<T extends HTMLElement>(
  tagName: string,
  constructor: Parameters<typeof createElement>[1]['is'],
  properties: Record<string, unknown> = {}
): T {
  const element = createElement(tagName, { is: constructor });
  Object.assign(element, properties);
  document.body.appendChild(element);
  return element as T;
}

/** Removes every mounted component. */
export function unmountAll(): void {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
}

/** Lets pending work run: an event handler's promise callbacks, the render they cause, and what that awaits. */
export async function flush(): Promise<void> {
  await Promise.resolve();
  await Promise.resolve();
  await Promise.resolve();
}

/** A text with its line breaks and indents collapsed (other spaces, such as the thin spaces of a date range, kept). */
function collapsed(text: string | null | undefined): string {
  return text?.replace(/[ \t\r\n]+/g, ' ').trim() ?? '';
}

/** The text of the first element matching a selector in a component's shadow tree, collapsed. */
export function textOf(element: Element, selector: string): string {
  return collapsed(element.shadowRoot?.querySelector(selector)?.textContent);
}

/** Every element matching a selector in a component's shadow tree. */
export function all<E extends Element = HTMLElement>(element: Element, selector: string): E[] {
  return [...(element.shadowRoot?.querySelectorAll<E>(selector) ?? [])];
}

/** The first element matching a selector in a component's shadow tree; fails the test when there is none. */
export function one<E extends Element = HTMLElement>(element: Element, selector: string): E {
  const found = element.shadowRoot?.querySelector<E>(selector);
  if (!found) {
    throw new Error(`no ${selector} in <${element.tagName.toLowerCase()}>`);
  }
  return found;
}

/** The text of each cell of a table row, collapsed. */
export function cellTexts(row: Element | undefined): string[] {
  return [...(row?.children ?? [])].map((cell) => collapsed(cell.textContent));
}

/** The texts of the cells of every table row matching a selector in a component's shadow tree. */
export function rowTexts(element: Element, selector: string): string[][] {
  return all(element, selector).map(cellTexts);
}
