/**
 * Notice — presentational. A line of status or explanation in a panel: an icon saying what kind of line it is
 * (information, success, warning or error), then the text given in its default slot. The words carry the
 * meaning, so the icon is decorative and hidden from screen readers, and colour is never the only signal.
 * Classes set on the element itself (margins, text size, a weaker colour) apply to the whole line.
 */
import { LightningElement, api } from 'lwc';

/** The kind of notice: sets the icon and its colour. */
export type NoticeVariant = 'info' | 'success' | 'warning' | 'error';

/** The icon's size: xx-small beside small text, x-small beside body text. */
export type NoticeIconSize = 'xx-small' | 'x-small';

const VARIANTS: readonly NoticeVariant[] = ['info', 'success', 'warning', 'error'];

export default class AtlasNotice extends LightningElement {
  @api variant: NoticeVariant = 'info';
  @api size: NoticeIconSize = 'x-small';

  /** The variant, or `info` for a value that is not one. */
  get kind(): NoticeVariant {
    return VARIANTS.includes(this.variant) ? this.variant : 'info';
  }

  get iconName(): string {
    return `utility:${this.kind}`;
  }

  /** Information keeps the icon's default grey; the others take the colour of their kind. */
  get iconVariant(): string | undefined {
    return this.kind === 'info' ? undefined : this.kind;
  }

  get iconSize(): NoticeIconSize {
    return this.size === 'xx-small' ? 'xx-small' : 'x-small';
  }
}
