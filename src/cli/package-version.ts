import { readFileSync } from 'node:fs';

/** The one version of jixiao: package.json's (`jixiao --version`); from src/cli or dist/cli alike. */
export const PACKAGE_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
