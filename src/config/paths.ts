import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package's own folder: the built-in suite's fixtures and rubrics live here, wherever the user runs from. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const DEFAULTS = {
  rubrics: path.join(PACKAGE_ROOT, 'rubrics'),
  fixtures: path.join(PACKAGE_ROOT, 'fixtures', 'cases'),
  vendors: path.join(PACKAGE_ROOT, 'fixtures', 'vendors'),
  /** Labelled risk language for bench:language: development and blind sets. */
  language: path.join(PACKAGE_ROOT, 'fixtures', 'language'),
  /** The clinical risk rules (concepts, target and context rules). */
  riskRules: path.join(PACKAGE_ROOT, 'rubrics', 'risk'),
  builtinSuite: path.join(PACKAGE_ROOT, 'fixtures', 'suites', 'builtin.yaml'),
  configFile: 'scribe-audit.config.yaml',
  /** Without --out, each run writes reports/<run-id>/ and reports/latest points at the newest. */
  reports: 'reports',
} as const;
