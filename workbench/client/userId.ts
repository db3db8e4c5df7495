/** `@salesforce/user/Id`: the id of the workbench's signed-in user. */
import { pageContext } from './page';

export default pageContext().userId;
