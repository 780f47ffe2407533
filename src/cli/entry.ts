/** The bundle's entry: run the CLI and set the exit code. */
import { main } from './main.js';

// `tasks list | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

void main(process.argv).then((code) => {
  process.exitCode = code;
});
