/** The module the bundler generates with every component the workbench's pages mount, by tag name. */
declare module 'workbench:components' {
  const components: Readonly<Record<string, typeof import('lwc').LightningElement>>;
  export default components;
}
