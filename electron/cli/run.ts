// Entry of the built command line (out/main/cli.js), which `npm start` uses to serve the app to a
// browser: compiled once, it starts faster and lighter than running the sources through tsx.
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
