/**
 * Preloaded into bot processes under drill (`node --require`): a TCP connection to anything but loopback is
 * refused before it is made (no DNS lookup either), and reported on stderr, so a drill can prove nothing
 * left the machine, e.g. an MSAL token fetch or a metadata download from Microsoft.
 */
const net = require('node:net');

const MARK = 'bench-loopback-guard: refused';
const isLoopback = (host) => host === undefined || host === 'localhost' || host === '::1' || /^(::ffff:)?127\./.test(String(host));
const connect = net.Socket.prototype.connect;

net.Socket.prototype.connect = function guardedConnect(...args) {
  // net.connect passes its normalised [options, callback] as one array; a socket may also be connected
  // directly. A truthy path is a Unix socket, which stays on this machine.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = first !== null && typeof first === 'object' ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
  if (!options.path && !isLoopback(options.host)) {
    process.stderr.write(`${MARK} ${options.host}:${options.port}\n`);
    const error = Object.assign(new Error(`${MARK}: ${options.host} is not loopback`), { code: 'ECONNREFUSED' });
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
};

module.exports = { MARK };
