/**
 * Panel — presentational. The frame of one panel of a dashboard card: an SLDS card with a boundary, its heading,
 * an optional help text beside the heading (a lightning-helptext), and the panel's content in the default slot.
 * The heading is a level-3 heading: the panels sit inside a page component's card, whose title is the level-2 one.
 */
import { LightningElement, api } from 'lwc';

export default class AtlasPanel extends LightningElement {
  @api heading = '';
  /** What the panel shows and how it is computed, behind a help icon beside the heading; none when empty. */
  @api help = '';

  /** A header with help lines the heading and its icon up in a row. */
  get headerClass(): string {
    return this.help ? 'slds-card__header slds-grid slds-grid_vertical-align-center' : 'slds-card__header';
  }

  get headingClass(): string {
    return this.help ? 'slds-text-heading_small slds-col slds-grow-none' : 'slds-text-heading_small';
  }
}
