// `npm run fuzz [-- --files N]`: fuzzes import and prints the counts as JSON.
import { fuzz } from './harness.ts';

const index = process.argv.indexOf('--files');
const files = index >= 0 ? Number(process.argv[index + 1]) : 1200;
const report = await fuzz({ files, onProgress: (done) => done % 100 === 0 && process.stderr.write(`fuzz: ${done}/${files}\n`) });
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.exitCode = report.unclear.length || report.hangs.length ? 1 : 0;
