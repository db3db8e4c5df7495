/**
 * `lightning/platformShowToastEvent`: the event a component dispatches to ask the page for a toast. It bubbles
 * out of the component, as on the platform, to the page's toast container (toasts.ts).
 */

export interface ToastEventInit {
  title?: string;
  message?: string;
  messageData?: readonly (string | { url: string; label: string })[];
  variant?: 'info' | 'success' | 'warning' | 'error';
  mode?: 'dismissible' | 'pester' | 'sticky';
}

export const SHOW_TOAST_EVENT = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent<ToastEventInit> {
  constructor(init: ToastEventInit) {
    super(SHOW_TOAST_EVENT, { bubbles: true, composed: true, cancelable: true, detail: init });
  }
}
