import path from 'node:path';
import type { Finding } from '../lib/findings';
import { lwcFolders } from '../lib/components';
import { compileProject } from '../lib/typescript';
import { generateTypes } from '../types/generate';

/**
 * Type-checks every TypeScript project: the node tools and scripts (root tsconfig.json) and the components of
 * each lwc folder, against declarations generated from the project's own Apex and objects, so a component that
 * imports a missing Apex method or field, or misuses a type, fails here with its file and line.
 */
export async function typecheck(
  root: string,
  projects: string[] = typescriptProjects(root)
): Promise<{ findings: Finding[]; projects: string[] }> {
  await generateTypes({ root, outDir: path.join(root, 'types', 'generated') });
  const findings = projects.flatMap((project) => compileProject(project).findings);
  return { findings, projects };
}

/** The node tools and scripts, the workbench's browser modules, then the components of each lwc folder. */
export function typescriptProjects(root: string): string[] {
  return [
    path.join(root, 'tsconfig.json'),
    path.join(root, 'workbench', 'client', 'tsconfig.json'),
    ...componentProjects(root)
  ];
}

export function componentProjects(root: string): string[] {
  return lwcFolders(root).map((folder) => path.join(folder, 'tsconfig.json'));
}
