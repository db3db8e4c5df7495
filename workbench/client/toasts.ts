/**
 * The page's toast container: shows each `ShowToastEvent` as an SLDS toast, announced to screen readers
 * (role="status"). As in Lightning Experience, a dismissible or pester toast closes after a few seconds, a sticky
 * one stays until closed; dismissible and sticky toasts have a close button. `{0}`, `{1}`… in the message are
 * replaced by `messageData` (text or links). Built with DOM calls only, never from HTML strings.
 */
import { SHOW_TOAST_EVENT, type ToastEventInit } from './platformShowToastEvent';

const SPRITE = '/assets/icons/utility-sprite/svg/symbols.svg';
const CLOSE_AFTER_MS = 3000;
const SVG = 'http://www.w3.org/2000/svg';

function icon(name: string, classes: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', classes);
  svg.setAttribute('aria-hidden', 'true');
  const use = document.createElementNS(SVG, 'use');
  use.setAttribute('href', `${SPRITE}#${name}`);
  svg.append(use);
  return svg;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** The message with its `{n}` placeholders replaced by text or links. */
function messageNodes(init: ToastEventInit): Node[] {
  const parts = (init.message ?? '').split(/\{(\d+)\}/);
  return parts.map((part, index) => {
    if (index % 2 === 0) {
      return document.createTextNode(part);
    }
    const data = init.messageData?.[Number(part)];
    if (data === undefined) {
      return document.createTextNode(`{${part}}`);
    }
    if (typeof data === 'string') {
      return document.createTextNode(data);
    }
    const link = element('a', '', data.label);
    link.href = data.url;
    return link;
  });
}

function toast(init: ToastEventInit, close: () => void): HTMLElement {
  const variant = init.variant ?? 'info';
  const mode = init.mode ?? 'dismissible';
  const box = element('div', `slds-notify slds-notify_toast slds-theme_${variant}`);
  box.setAttribute('role', 'status');
  box.append(element('span', 'slds-assistive-text', variant));
  const iconBox = element(
    'span',
    `slds-icon_container slds-icon-utility-${variant} slds-m-right_small slds-no-flex slds-align-top`
  );
  iconBox.append(icon(variant, 'slds-icon slds-icon_small'));
  const content = element('div', 'slds-notify__content');
  if (init.title) {
    content.append(element('h2', 'slds-text-heading_small', init.title));
  }
  if (init.message) {
    const message = element('p', '');
    message.append(...messageNodes(init));
    content.append(message);
  }
  box.append(iconBox, content);
  if (mode !== 'pester') {
    const button = element('button', 'slds-button slds-button_icon slds-button_icon-inverse');
    button.type = 'button';
    button.title = 'Close';
    button.append(
      icon('close', 'slds-button__icon slds-button__icon_large'),
      element('span', 'slds-assistive-text', 'Close')
    );
    button.addEventListener('click', close);
    const closeBox = element('div', 'slds-notify__close');
    closeBox.append(button);
    box.append(closeBox);
  }
  return box;
}

/** Listens for toast events anywhere in the page and shows them in a container at its top. */
export function showToasts(root: Document): void {
  const container = element('div', 'slds-notify_container slds-is-fixed');
  root.body.append(container);
  root.addEventListener(SHOW_TOAST_EVENT, (event) => {
    const init = (event as CustomEvent<ToastEventInit>).detail ?? {};
    let closed = false;
    const close = (): void => {
      if (!closed) {
        closed = true;
        shown.remove();
      }
    };
    const shown = toast(init, close);
    container.append(shown);
    if ((init.mode ?? 'dismissible') !== 'sticky') {
      setTimeout(close, CLOSE_AFTER_MS);
    }
  });
}
