/** The bundle's entry: run the CLI and set the exit code. */
import { main } from './main.js';

process.exitCode = await main(process.argv);
