/**
 * Tests of the notice: the icon of each kind and its size, before the slot for the text. The panels' tests read
 * the texts they give their notices.
 */
import AtlasNotice from 'c/atlasNotice';
import { flush, mount, one, unmountAll } from '../../pipelineHealth/__tests__/componentHelpers';

interface Icon extends HTMLElement {
  iconName: string;
  variant: string | undefined;
  size: string;
  alternativeText: string;
}

function render(properties: Record<string, unknown> = {}): HTMLElement {
  return mount('c-atlas-notice', AtlasNotice, properties);
}

function icon(element: HTMLElement): Icon {
  return one<Icon>(element, 'lightning-icon');
}

describe('c-atlas-notice', () => {
  afterEach(unmountAll);

  it('shows information with the grey info icon by default, before the slot for its text', async () => {
    const element = render();
    await flush();

    expect(icon(element).iconName).toBe('utility:info');
    expect(icon(element).variant).toBeUndefined();
    expect(icon(element).size).toBe('x-small');
    const line = one(element, 'p');
    expect([...line.children].map((child) => child.tagName.toLowerCase())).toEqual([
      'lightning-icon',
      'slot'
    ]);
  });

  it.each(['success', 'warning', 'error'])('shows a %s with its own icon in its colour', async (variant) => {
    const element = render({ variant });
    await flush();

    expect(icon(element).iconName).toBe(`utility:${variant}`);
    expect(icon(element).variant).toBe(variant);
  });

  it('keeps the icon out of what screen readers read: the text says it all', async () => {
    const element = render({ variant: 'warning' });
    await flush();
    expect(icon(element).alternativeText).toBe('');
  });

  it('takes a smaller icon beside small text', async () => {
    const element = render({ size: 'xx-small' });
    await flush();
    expect(icon(element).size).toBe('xx-small');
  });

  it('falls back to information and the usual size for values it does not know', async () => {
    const element = render({ variant: 'urgent', size: 'huge' });
    await flush();

    expect(icon(element).iconName).toBe('utility:info');
    expect(icon(element).variant).toBeUndefined();
    expect(icon(element).size).toBe('x-small');
  });
});
