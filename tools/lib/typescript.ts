import path from 'node:path';
import ts from 'typescript';
import type { Finding } from './findings';

/** Loads a tsconfig file the way `tsc -p` does; configuration errors become findings. */
export function loadProject(configFile: string): { config: ts.ParsedCommandLine; findings: Finding[] } {
  const findings: Finding[] = [];
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => findings.push(toFinding(diagnostic, configFile))
  };
  const config = ts.getParsedCommandLineOfConfigFile(configFile, {}, host);
  if (!config) {
    return { config: { options: {}, fileNames: [], errors: [] }, findings };
  }
  findings.push(...config.errors.map((diagnostic) => toFinding(diagnostic, configFile)));
  return { config, findings };
}

/** A TypeScript diagnostic as a finding at its file, line and column (1-based). */
export function toFinding(diagnostic: ts.Diagnostic, fallbackFile: string): Finding {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  const code = `TS${diagnostic.code}`;
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return {
      source: 'tsc',
      file: path.resolve(diagnostic.file.fileName),
      line: line + 1,
      column: character + 1,
      message: `${code} ${message}`,
      severity: 1
    };
  }
  return { source: 'tsc', file: fallbackFile, line: 1, message: `${code} ${message}`, severity: 1 };
}

/** Type-checks one project, emitting when its options say so. Returns every error found. */
export function compileProject(configFile: string): { findings: Finding[]; emitted: string[] } {
  const { config, findings } = loadProject(configFile);
  if (findings.length > 0) {
    return { findings, emitted: [] };
  }
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const emitted: string[] = [];
  const emit = program.emit(undefined, (fileName, text) => {
    ts.sys.writeFile(fileName, text);
    emitted.push(path.resolve(fileName));
  });
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emit.diagnostics].filter(
    (diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error
  );
  return { findings: diagnostics.map((diagnostic) => toFinding(diagnostic, configFile)), emitted };
}
