// One process per test file that has loaded the built bundle and runs main(argv, io) for each
// request from test/helpers/cli.ts, in the request's folder and environment, its output in
// buffers: the same code as bin/tasks.js runs, without starting Node for every command.
//
// Requests arrive on one FIFO, answers leave on another, each a 4-byte length and JSON; the test
// side reads its answer with a blocking read, so ws.run() stays synchronous.
'use strict';
const fs = require('node:fs');
const { Readable, Writable } = require('node:stream');

const [requests, answers, bundle, bin] = process.argv.slice(2);
// Both ends open before the test side goes on (it removes the FIFOs' names once they are open).
const input = fs.openSync(requests, 'r');
const out = fs.openSync(answers, 'w');

function answer(value) {
  const body = Buffer.from(JSON.stringify(value));
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  const all = Buffer.concat([head, body]);
  let written = 0;
  while (written < all.length) written += fs.writeSync(out, all, written);
}

let cli;
try {
  cli = require(bundle);
} catch (error) {
  answer({ fatal: `the bundle did not load: ${error.stack}` });
  process.exit(1);
}
// As entry.ts does for the real process.
cli.setNewFileMode(0o666 & ~process.umask());
// Before any command loads exceljs (see entry.ts).
cli.patchExcelSax();
cli.translateWarnings();

/** A stream that keeps what is written, for the answer. */
function collector() {
  const chunks = [];
  const stream = new Writable({
    write(chunk, encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
      done();
    },
  });
  stream.text = () => Buffer.concat(chunks).toString('base64');
  stream.append = (chunk, encoding) => chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'));
  return stream;
}

let current = null;
const realWrite = { stdout: process.stdout.write.bind(process.stdout), stderr: process.stderr.write.bind(process.stderr) };
// Whatever still writes to the process's own streams during a run (nothing should) lands in the
// run's output, as it would from a spawned process.
for (const name of ['stdout', 'stderr']) {
  process[name].write = (chunk, encoding, done) => {
    if (!current) return realWrite[name](chunk, encoding, done);
    current[name].append(chunk, encoding);
    if (typeof encoding === 'function') encoding();
    else if (typeof done === 'function') done();
    return true;
  };
}

process.on('uncaughtException', (error) => {
  // The real CLI would die here with a stack and exit 1: say so, and let the next run start afresh.
  answer({ ended: true, code: 1, stdout: current ? current.stdout.text() : '', stderr: Buffer.from(`${error && error.stack}\n`).toString('base64') });
  process.exit(1);
});
process.on('unhandledRejection', (error) => {
  throw error;
});

const tick = () => new Promise((resolve) => setImmediate(resolve));

async function run(request) {
  process.chdir(request.cwd);
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, request.env);
  const stdout = collector();
  const stderr = collector();
  const stdin = Readable.from(request.input ? [Buffer.from(request.input)] : []);
  current = { stdout, stderr };
  let code;
  try {
    code = await cli.main([process.execPath, bin, ...request.args], { stdout, stderr, stdin, env: { ...request.env }, now: () => new Date() });
    // What a process would still finish before it exits (streams closing, files flushed).
    await tick();
    await tick();
  } finally {
    // As the process's exit would (entry.ts): no temporary file of an unfinished write survives the run.
    cli.removePendingTemporaries();
    current = null;
  }
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

let pending = Buffer.alloc(0);
let queue = Promise.resolve();
fs.createReadStream('', { fd: input })
  .on('data', (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 4 && pending.length >= 4 + pending.readUInt32BE(0)) {
      const length = pending.readUInt32BE(0);
      const request = JSON.parse(pending.subarray(4, 4 + length).toString());
      pending = pending.subarray(4 + length);
      queue = queue.then(() => run(request).then(answer));
    }
  })
  .on('end', () => process.exit(0));
