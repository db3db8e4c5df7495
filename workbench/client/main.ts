/**
 * The workbench page's script: synthetic shadow first (as in Lightning Experience, so SLDS styles reach inside
 * components), then the toast container, then each component the server put on the page, created with the
 * properties Lightning App Builder and the record page would give it.
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import components from 'workbench:components';
import { pageContext } from './page';
import { showToasts } from './toasts';

showToasts(document);

for (const mount of pageContext().mounts) {
  const constructor = components[mount.tag];
  const region = document.getElementById(mount.region);
  if (constructor === undefined || region === null) {
    throw new Error(`The page cannot mount ${mount.tag} in #${mount.region}`);
  }
  const element = createElement(mount.tag, { is: constructor });
  Object.assign(element, mount.props);
  region.append(element);
}
