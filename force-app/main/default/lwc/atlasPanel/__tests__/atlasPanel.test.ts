/** Tests of the panel frame: a bordered card with its level-3 heading, the help beside it and its content. */
import AtlasPanel from 'c/atlasPanel';
import { flush, mount, one, textOf, unmountAll } from '../../pipelineHealth/__tests__/componentHelpers';

type Panel = HTMLElement & { heading: string; help: string };

function render(properties: Partial<Panel>): Panel {
  return mount<Panel>('c-atlas-panel', AtlasPanel, properties);
}

describe('c-atlas-panel', () => {
  afterEach(unmountAll);

  it('frames its content in a bordered card under its heading', async () => {
    const element = render({ heading: 'Key numbers' });
    await flush();

    expect([...one(element, 'article').classList]).toEqual(['slds-card', 'slds-card_boundary']);
    expect(one(element, '.slds-card__header').className).toBe('slds-card__header');
    expect(textOf(element, '.slds-card__header h3.slds-text-heading_small')).toBe('Key numbers');
    expect(element.shadowRoot?.querySelector('lightning-helptext')).toBeNull();
    expect(one(element, '.slds-card__body.slds-card__body_inner slot')).not.toBeNull();
  });

  it('puts its help text behind an icon beside the heading, in a row', async () => {
    const element = render({ heading: 'Value held vs needed per stage', help: 'How it is computed.' });
    await flush();

    const header = one(element, '.slds-card__header');
    expect([...header.classList]).toEqual([
      'slds-card__header',
      'slds-grid',
      'slds-grid_vertical-align-center'
    ]);
    expect([...header.children].map((child) => child.tagName.toLowerCase())).toEqual([
      'h3',
      'lightning-helptext'
    ]);
    expect((one(element, 'lightning-helptext') as unknown as { content: string }).content).toBe(
      'How it is computed.'
    );
  });

  it('follows its heading and help when they change', async () => {
    const element = render({ heading: 'Before', help: 'Some help.' });
    await flush();
    element.heading = 'After';
    element.help = '';
    await flush();

    expect(textOf(element, 'h3')).toBe('After');
    expect(element.shadowRoot?.querySelector('lightning-helptext')).toBeNull();
    expect(one(element, '.slds-card__header').className).toBe('slds-card__header');
  });
});
