/**
 * What the workbench server tells the page, in `<script type="application/json" id="workbench-page">`: the
 * signed-in user and the components to mount in each region of the page, with their properties (what Lightning
 * App Builder would set, plus `recordId` and `objectApiName` on record pages).
 */

export interface Mount {
  /** Id of the element the component goes into. */
  region: string;
  /** `c-stage-guide`. */
  tag: string;
  props: Record<string, unknown>;
}

export interface PageContext {
  userId: string;
  mounts: Mount[];
}

let context: PageContext | undefined;

export function pageContext(): PageContext {
  if (context === undefined) {
    const script = document.getElementById('workbench-page');
    if (script === null) {
      throw new Error('The page has no #workbench-page context: it was not served by the workbench');
    }
    context = JSON.parse(script.textContent ?? '{}') as PageContext;
  }
  return context;
}
