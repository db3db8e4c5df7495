import { createElement } from 'lwc';
import StageGuide from 'c/stageGuide';
import { getRecord } from 'lightning/uiRecordApi';
import getStages from '@salesforce/apex/StageSettingsController.getStages';
import stages from './data/stages.json';

jest.mock(
  '@salesforce/apex/StageSettingsController.getStages',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
}

const recordAdapter = getRecord as unknown as TestWireAdapter;
const stagesAdapter = getStages as unknown as TestWireAdapter;

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();
}

function opportunity(stageName: string, daysInStage: number, isClosed = false): object {
  return {
    apiName: 'Opportunity',
    id: '006000000000001AAA',
    fields: {
      StageName: { value: stageName, displayValue: stageName },
      LastStageChangeDate: { value: isoDaysAgo(daysInStage), displayValue: null },
      CreatedDate: { value: isoDaysAgo(90), displayValue: null },
      IsClosed: { value: isClosed, displayValue: null }
    }
  };
}

function render(): HTMLElement {
  const element = createElement('c-stage-guide', { is: StageGuide });
  (element as unknown as { recordId: string }).recordId = '006000000000001AAA';
  document.body.appendChild(element);
  return element;
}

function flush(): Promise<void> {
  return Promise.resolve();
}

function text(element: HTMLElement, selector: string): string {
  return element.shadowRoot?.querySelector(selector)?.textContent?.trim() ?? '';
}

describe('c-stage-guide', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('shows a spinner until both the deal and the stages have loaded', async () => {
    const element = render();
    recordAdapter.emit(opportunity('Qualification', 3));
    await flush();
    expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
  });

  it('shows the stage, the time in stage and the exit criteria as a checklist', async () => {
    const element = render();
    recordAdapter.emit(opportunity('Qualification', 5));
    stagesAdapter.emit(stages);
    await flush();

    expect(element.shadowRoot?.querySelector('lightning-spinner')).toBeNull();
    expect(text(element, '.stage-name')).toBe('Qualification');
    expect(text(element, '.time-in-stage')).toBe('5 days in stage of 14 expected');
    expect(text(element, '.slds-badge')).toBe('On pace');
    const items = [...(element.shadowRoot?.querySelectorAll('.criteria li') ?? [])].map(
      (li) => li.textContent
    );
    expect(items).toEqual(['Budget holder identified', "Pain quantified in the customer's words"]);
    expect(element.shadowRoot?.querySelector('.decision-maker')).toBeNull();
  });

  it('flags a deal that has stayed past the expected days', async () => {
    const element = render();
    recordAdapter.emit(opportunity('Qualification', 30));
    stagesAdapter.emit(stages);
    await flush();

    expect(text(element, '.slds-badge')).toBe('Overdue in stage');
    expect(element.shadowRoot?.querySelector('.slds-badge')?.classList).toContain('slds-theme_error');
  });

  it('says when a stage has no exit criteria and shows the decision-maker gate', async () => {
    const element = render();
    recordAdapter.emit(opportunity('Proposal/Price Quote', 1));
    stagesAdapter.emit(stages);
    await flush();

    expect(text(element, '.no-criteria')).toContain('No exit criteria are set for this stage');
    expect(text(element, '.decision-maker')).toContain('identified decision maker');
    expect(text(element, '.time-in-stage')).toBe('1 day in stage of 21 expected');
  });

  it('tells the rep when a stage of the org has no settings at all', async () => {
    const element = render();
    recordAdapter.emit(opportunity('Custom Stage', 4));
    stagesAdapter.emit(stages);
    await flush();

    expect(text(element, '.time-in-stage')).toBe('4 days in stage');
    expect(text(element, '.slds-badge')).toBe('No expected duration set');
    expect(element.shadowRoot?.querySelector('.no-criteria')).not.toBeNull();
  });

  it('has nothing to guide on a closed deal', async () => {
    const element = render();
    recordAdapter.emit(opportunity('Closed Won', 2, true));
    stagesAdapter.emit(stages);
    await flush();

    expect(text(element, '.closed-message')).toContain('This deal is closed (Closed Won)');
    expect(element.shadowRoot?.querySelector('.criteria')).toBeNull();
  });

  it('shows a readable error when the stages cannot be read', async () => {
    const element = render();
    recordAdapter.emit(opportunity('Qualification', 5));
    stagesAdapter.error({
      message: 'You do not have access to the Apex class named StageSettingsController.'
    });
    await flush();

    const alert = element.shadowRoot?.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('The stage guide could not load.');
    expect(alert?.textContent).toContain(
      'You do not have access to the Apex class named StageSettingsController.'
    );
    expect(element.shadowRoot?.querySelector('lightning-spinner')).toBeNull();
  });
});
