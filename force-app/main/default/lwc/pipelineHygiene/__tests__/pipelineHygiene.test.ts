/** Tests of the hygiene queue: rule counts, inline edits saved with updateRecord, row errors and bulk moves. */
import PipelineHygiene from 'c/pipelineHygiene';
import { updateRecord } from 'lightning/uiRecordApi';
import type { IntegrityResult } from 'c/pipelineMetrics';
import { formatCompactCurrency } from 'c/atlasFormat';
import type { DrillDownRequest } from 'c/pipelineDrillDown';
import {
  PIPELINE,
  dealsWith,
  factsOf,
  healthOf,
  rowsWith
} from '../../pipelineHealth/__tests__/pipelineFixtures';
import { all, flush, mount, one, textOf, unmountAll } from '../../pipelineHealth/__tests__/componentHelpers';

type Hygiene = HTMLElement & { focusControl(controlKey: string): boolean };

interface Datatable extends HTMLElement {
  data: Record<string, unknown>[];
  columns: { label: string; fieldName: string; editable?: boolean }[];
  draftValues: Record<string, unknown>[];
  errors: {
    rows: Record<string, { title: string; messages: string[]; fieldNames: string[] }>;
    table: { title: string; messages: string[] };
  } | null;
  selectedRows: string[];
}

interface DateInput extends HTMLElement {
  setCustomValidity: jest.Mock;
  reportValidity: jest.Mock;
}

const update = updateRecord as unknown as jest.Mock;

const MARGIE = '006000000000O04AAA';
const BELLOWS = '006000000000O11AAA';

function render(integrity: IntegrityResult = healthOf().integrity): Hygiene {
  return mount<Hygiene>('c-pipeline-hygiene', PipelineHygiene, { integrity, today: PIPELINE.today });
}

async function chooseRule(element: HTMLElement, rule: string): Promise<void> {
  one(element, `button[data-rule="${rule}"]`).click();
  await flush();
}

function table(element: HTMLElement): Datatable {
  return one<Datatable>(element, 'lightning-datatable');
}

/** Records what the component fires: toasts, `dealsupdated` and `drilldown`. */
function listen(element: HTMLElement): { toasts: unknown[]; updates: unknown[]; drills: DrillDownRequest[] } {
  const fired = { toasts: [] as unknown[], updates: [] as unknown[], drills: [] as DrillDownRequest[] };
  element.addEventListener('lightning__showtoast', (event) =>
    fired.toasts.push((event as CustomEvent).detail)
  );
  element.addEventListener('dealsupdated', (event) => fired.updates.push((event as CustomEvent).detail));
  element.addEventListener('drilldown', (event) =>
    fired.drills.push((event as CustomEvent<DrillDownRequest>).detail)
  );
  return fired;
}

async function save(element: HTMLElement, draftValues: Record<string, unknown>[]): Promise<void> {
  table(element).dispatchEvent(new CustomEvent('save', { detail: { draftValues } }));
  await flush();
  await flush();
}

function bulkDateInput(element: HTMLElement): DateInput {
  const input = one<DateInput>(element, 'lightning-input.bulk-close-date');
  input.setCustomValidity = jest.fn();
  input.reportValidity = jest.fn(() => true);
  return input;
}

describe('c-pipeline-hygiene', () => {
  afterEach(() => {
    unmountAll();
    update.mockReset();
    update.mockResolvedValue({});
  });

  it('lists every integrity rule with how many deals it flags, in words and icons', async () => {
    const integrity = healthOf().integrity;
    const element = render(integrity);
    await flush();

    const buttons = all(element, 'button[data-rule]');
    expect(buttons.map((button) => button.dataset.rule)).toEqual(integrity.rules.map((rule) => rule.rule));
    expect(buttons.map((button) => button.querySelector('.rule-label')?.textContent)).toEqual(
      integrity.rules.map((rule) => rule.label)
    );
    expect(buttons[0]?.querySelector('.rule-count')?.textContent).toBe(`2 · ${formatCompactCurrency(37000)}`);
    expect(buttons.every((button) => button.getAttribute('aria-pressed') === 'false')).toBe(true);
    expect(textOf(element, '.flagged-total')).toBe(
      '6 rules of 6 flag open deals. Choose one to fix its deals.'
    );
    expect(textOf(element, '.stale-note')).toBe(
      'No recent activity means more than 54 days without any: ⅔ of the median won cycle of 81 days.'
    );
    expect(textOf(element, '.choose-rule')).toBe('Choose a rule to list its deals.');
  });

  it('lists the deals of the chosen rule with their amount, close date and next step, editable', async () => {
    const deals = dealsWith('Margie travel', { nextStep: 'Book the site visit' });
    const element = render(healthOf(factsOf(rowsWith({ deals }))).integrity);
    await flush();
    await chooseRule(element, 'past-close-date');

    expect(one(element, 'button[data-rule="past-close-date"]').getAttribute('aria-pressed')).toBe('true');
    expect(table(element).data).toEqual([
      {
        id: MARGIE,
        name: 'Margie travel',
        url: `/lightning/r/Opportunity/${MARGIE}/view`,
        stageName: 'Qualification',
        amount: 25000,
        closeDate: '2026-10-15',
        nextStep: 'Book the site visit',
        issue: 'Close date 2026-10-15 passed 39 days ago.'
      },
      {
        id: BELLOWS,
        name: 'Bellows College',
        url: `/lightning/r/Opportunity/${BELLOWS}/view`,
        stageName: 'Prospecting',
        amount: 12000,
        closeDate: '2026-11-01',
        nextStep: 'Call the sponsor',
        issue: 'Close date 2026-11-01 passed 22 days ago.'
      }
    ]);
    const columns = table(element).columns;
    expect(columns.filter((column) => column.editable).map((column) => column.fieldName)).toEqual([
      'amount',
      'closeDate',
      'nextStep'
    ]);
    expect(columns.find((column) => column.fieldName === 'nextStep')?.label).toBe('Next step');

    await chooseRule(element, 'no-next-step');
    expect(table(element).data.map((row) => [row.name, row.nextStep])).toEqual([
      ['Woodgrove payments', null]
    ]);
    expect(table(element).columns.find((column) => column.fieldName === 'nextStep')?.label).toBe('Next step');
  });

  it('sends an edited next step, and no next step for a row whose next step was not edited', async () => {
    const deals = dealsWith('Margie travel', { nextStep: 'Book the site visit' });
    const element = render(healthOf(factsOf(rowsWith({ deals }))).integrity);
    await flush();
    await chooseRule(element, 'past-close-date');
    expect(table(element).data.map((row) => [row.id, row.nextStep])).toEqual([
      [MARGIE, 'Book the site visit'],
      [BELLOWS, 'Call the sponsor']
    ]);

    await save(element, [
      { id: MARGIE, nextStep: 'Book the site visit for 2 December' },
      { id: BELLOWS, closeDate: '2026-12-15' }
    ]);

    expect(update.mock.calls).toEqual([
      [{ fields: { NextStep: 'Book the site visit for 2 December', Id: MARGIE } }],
      [{ fields: { CloseDate: '2026-12-15', Id: BELLOWS } }]
    ]);
  });

  it('saves the edited deals with updateRecord, toasts and asks for fresh numbers', async () => {
    const element = render();
    const fired = listen(element);
    await flush();
    await chooseRule(element, 'past-close-date');

    await save(element, [
      { id: MARGIE, closeDate: '2026-12-15', nextStep: '  Send the revised proposal ' },
      { id: BELLOWS, amount: '18000' }
    ]);

    expect(update.mock.calls).toEqual([
      [{ fields: { CloseDate: '2026-12-15', NextStep: 'Send the revised proposal', Id: MARGIE } }],
      [{ fields: { Amount: 18000, Id: BELLOWS } }]
    ]);
    expect(fired.toasts).toEqual([{ title: 'Deals updated', message: '2 deals saved.', variant: 'success' }]);
    expect(fired.updates).toEqual([{ recordIds: [MARGIE, BELLOWS] }]);
    expect(table(element).draftValues).toEqual([]);
    expect(table(element).errors).toBeNull();
  });

  it('clears an amount or a next step left empty', async () => {
    const element = render();
    await flush();
    await chooseRule(element, 'past-close-date');
    await save(element, [{ id: MARGIE, amount: '', nextStep: '   ' }]);

    expect(update).toHaveBeenCalledWith({ fields: { Amount: null, NextStep: null, Id: MARGIE } });
  });

  it('shows a deal that failed on its row, keeps its edits and still saves the others', async () => {
    update.mockImplementation(({ fields }: { fields: { Id: string } }) => {
      if (fields.Id !== MARGIE) {
        return Promise.resolve({});
      }
      return Promise.reject({
        body: {
          message: 'An error occurred while trying to update the record.',
          output: { errors: [], fieldErrors: { CloseDate: [{ message: 'Close Date: invalid date' }] } }
        }
      });
    });
    const element = render();
    const fired = listen(element);
    await flush();
    await chooseRule(element, 'past-close-date');

    const failed = { id: MARGIE, closeDate: '2026-12-15' };
    await save(element, [failed, { id: BELLOWS, closeDate: '2026-12-20' }]);

    const errors = table(element).errors;
    expect(errors?.rows).toEqual({
      [MARGIE]: {
        title: 'This deal was not saved',
        messages: ['Close Date: invalid date', 'An error occurred while trying to update the record.'],
        fieldNames: ['closeDate']
      }
    });
    expect(errors?.table.title).toBe('1 deal not saved');
    expect(errors?.table.messages).toEqual([
      'Margie travel: Close Date: invalid date An error occurred while trying to update the record.'
    ]);
    expect(table(element).draftValues).toEqual([failed]);
    expect(fired.toasts).toEqual([{ title: 'Deals updated', message: '1 deal saved.', variant: 'success' }]);
    expect(fired.updates).toEqual([{ recordIds: [BELLOWS] }]);
  });

  it('does not send a draft it can tell is wrong, and says why on the row', async () => {
    const element = render();
    const fired = listen(element);
    await flush();
    await chooseRule(element, 'past-close-date');
    await save(element, [
      { id: MARGIE, amount: 'twelve' },
      { id: BELLOWS, closeDate: '' }
    ]);

    expect(update).not.toHaveBeenCalled();
    expect(table(element).errors?.rows[MARGIE]?.messages).toEqual(['The amount must be a number.']);
    expect(table(element).errors?.rows[MARGIE]?.fieldNames).toEqual(['amount']);
    expect(table(element).errors?.rows[BELLOWS]?.messages).toEqual(['A deal needs a close date.']);
    expect(fired.toasts).toEqual([]);
    expect(fired.updates).toEqual([]);

    table(element).dispatchEvent(new CustomEvent('cancel'));
    await flush();
    expect(table(element).draftValues).toEqual([]);
    expect(table(element).errors).toBeNull();
  });

  it('moves the close dates of the selected deals to one new date', async () => {
    const element = render();
    const fired = listen(element);
    await flush();
    await chooseRule(element, 'past-close-date');

    const move = one(element, '.move-button') as unknown as {
      disabled: boolean;
      label: string;
    } & HTMLElement;
    expect(move.disabled).toBe(true);
    table(element).dispatchEvent(
      new CustomEvent('rowselection', { detail: { selectedRows: table(element).data.slice(0, 2) } })
    );
    await flush();
    expect(move.disabled).toBe(false);
    expect(move.label).toBe('Move close dates of 2 deals');

    const input = bulkDateInput(element);
    move.click();
    await flush();
    expect(input.setCustomValidity).toHaveBeenLastCalledWith('Choose the new close date.');
    expect(input.reportValidity).toHaveBeenCalled();

    input.dispatchEvent(new CustomEvent('change', { detail: { value: '2026-11-01' } }));
    await flush();
    expect(input.setCustomValidity).toHaveBeenLastCalledWith('');
    move.click();
    await flush();
    expect(input.setCustomValidity).toHaveBeenLastCalledWith('Choose today or a later day.');
    expect(update).not.toHaveBeenCalled();

    input.dispatchEvent(new CustomEvent('change', { detail: { value: '2027-01-15' } }));
    await flush();
    move.click();
    await flush();
    await flush();

    expect(update.mock.calls).toEqual([
      [{ fields: { CloseDate: '2027-01-15', Id: MARGIE } }],
      [{ fields: { CloseDate: '2027-01-15', Id: BELLOWS } }]
    ]);
    expect(fired.updates).toEqual([{ recordIds: [MARGIE, BELLOWS] }]);
    expect(table(element).selectedRows).toEqual([]);
  });

  it('keeps a deal selected when moving its close date failed', async () => {
    update.mockImplementation(({ fields }: { fields: { Id: string } }) => {
      if (fields.Id !== BELLOWS) {
        return Promise.resolve({});
      }
      return Promise.reject({ body: { message: 'Record is locked.' } });
    });
    const element = render();
    await flush();
    await chooseRule(element, 'past-close-date');
    table(element).dispatchEvent(
      new CustomEvent('rowselection', { detail: { selectedRows: table(element).data.slice(0, 2) } })
    );
    await flush();
    bulkDateInput(element).dispatchEvent(new CustomEvent('change', { detail: { value: '2026-12-01' } }));
    await flush();
    one(element, '.move-button').click();
    await flush();
    await flush();

    expect(table(element).selectedRows).toEqual([BELLOWS]);
    expect(table(element).errors?.rows[BELLOWS]).toEqual({
      title: 'This deal was not saved',
      messages: ['Record is locked.'],
      fieldNames: ['closeDate']
    });
    expect(table(element).draftValues).toEqual([]);
  });

  it('offers every deal of a rule when it flags more than it lists, and can refocus that button', async () => {
    const deals = dealsWith('Woodgrove payments', { lastActivityDate: '2026-06-01' });
    const element = render(healthOf(factsOf(rowsWith({ deals, settings: { listCap: 1 } }))).integrity);
    const fired = listen(element);
    await flush();

    await chooseRule(element, 'past-close-date');
    expect(textOf(element, '.truncated')).toContain('The 1 deal most in need of attention of 2.');
    one(element, 'button[data-control-key="listAll"]').click();

    await chooseRule(element, 'stale');
    expect(one(element, 'button[data-control-key="listAll"]').textContent?.trim()).toBe('View all 2 deals');
    one(element, 'button[data-control-key="listAll"]').click();

    expect(fired.drills).toEqual([
      {
        bucket: 'pastCloseDate',
        stageName: null,
        fromDate: null,
        toDate: null,
        heading: 'Close date in the past',
        controlKey: 'listAll'
      },
      {
        bucket: 'idle',
        stageName: null,
        fromDate: '2026-09-30',
        toDate: null,
        heading: 'No recent activity',
        controlKey: 'listAll'
      }
    ]);
    expect(element.focusControl('listAll')).toBe(true);
    expect(element.shadowRoot?.activeElement).toBe(one(element, 'button[data-control-key="listAll"]'));
  });

  it('cannot list in full the rules the drill-down has no list for', async () => {
    const deals = dealsWith('Lamna healthcare', { probability: 80 });
    const element = render(healthOf(factsOf(rowsWith({ deals, settings: { listCap: 1 } }))).integrity);
    await flush();
    await chooseRule(element, 'probability-mismatch');

    expect(textOf(element, '.truncated')).toContain('of 2.');
    expect(element.shadowRoot?.querySelector('button[data-control-key="listAll"]')).toBeNull();
  });

  it('says so when the chosen rule flags no deal', async () => {
    const deals = PIPELINE.deals.filter((deal) => deal.name !== 'VanArsdel kiosks');
    const element = render(healthOf(factsOf(rowsWith({ deals }))).integrity);
    await flush();
    expect(one(element, 'button[data-rule="missing-amount"] .rule-count').textContent).toBe('0 · None');
    expect(textOf(element, '.flagged-total')).toBe(
      '5 rules of 6 flag open deals. Choose one to fix its deals.'
    );

    await chooseRule(element, 'missing-amount');
    expect(textOf(element, '.selected-empty')).toBe('No open deal is flagged for “No amount”.');
    expect(element.shadowRoot?.querySelector('lightning-datatable')).toBeNull();
  });

  it('says when nothing is flagged, and when the rules are missing', async () => {
    const clean = render(healthOf(factsOf(rowsWith({ deals: [], changes: [] }))).integrity);
    await flush();
    expect(textOf(clean, '.flagged-total')).toBe('No rule flags any open deal.');
    expect(textOf(clean, '.stale-note')).toContain(
      'a typical cycle of 90 days, assumed until enough deals are won'
    );
    unmountAll();

    const element = mount('c-pipeline-hygiene', PipelineHygiene);
    await flush();
    expect(textOf(element, '.no-rules')).toBe('The integrity rules were not computed.');
  });
});
