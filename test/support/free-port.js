// Two consecutive free loopback ports (broker + controller), so test runs in different clones or
// terminals never fight over a fixed port.
const { createServer } = require('node:net');

const isFree = (port) =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

async function freePortPair(preferred) {
  for (let port = preferred; port < preferred + 400; port += 2) {
    if ((await isFree(port)) && (await isFree(port + 1))) return port;
  }
  throw new Error(`no two free ports from ${preferred}`);
}

module.exports = { freePortPair };
