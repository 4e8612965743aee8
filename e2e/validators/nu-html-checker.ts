/**
 * The W3C Nu Html Checker (npm `vnu-jar`, run with Debian's Java). vnu refuses to fetch loopback
 * hosts, so pages are fetched first and checked as files; the report names the URLs again.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fetchToFiles, outputOf, runCommand, type ValidatorRun } from './validator-run.js';

const require = createRequire(import.meta.url);
const vnuJar = () => join(dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

/** Checks pages by URL; passes when vnu reports no error (warnings are allowed). */
export async function checkHtml(...urls: string[]): Promise<ValidatorRun> {
  const { files, done } = await fetchToFiles(urls, '.html');
  try {
    const run = await runCommand('java', ['-jar', vnuJar(), '--format', 'gnu', ...files]);
    let report = outputOf(run);
    files.forEach((file, i) => (report = report.replaceAll(`file:${file}`, urls[i] ?? file)));
    const errors = (run.stderr.match(/: (error|fatal):/g) ?? []).length;
    return { tool: 'Nu Html Checker', passed: run.code === 0 && errors === 0, report };
  } finally {
    done();
  }
}
