// Loaded with `node --require` into electron-builder (and, through NODE_OPTIONS, into every Node
// process it starts) by the offline packaging check. Packaging must need nothing from the
// network: every attempt to reach another machine is written down (URL where there is one,
// host and port otherwise) in the file CUTTINGS_NET_LOG names, then refused, so the check can
// say exactly what electron-builder wanted to download. Loopback and local sockets pass.
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const net = require('node:net');

const logFile = process.env.CUTTINGS_NET_LOG;

function record(entry) {
  if (!logFile) return;
  try {
    fs.appendFileSync(logFile, JSON.stringify({ pid: process.pid, ...entry }) + '\n');
  } catch {
    // The log is best effort; the refusal below is what matters.
  }
}

function isLocal(host) {
  return !host || host === 'localhost' || host === '::1' || /^127\./.test(host);
}

function describeRequest(proto, args) {
  const [a, b] = args;
  try {
    if (typeof a === 'string' || a instanceof URL) return new URL(String(a)).href;
    const o = { ...(a || {}), ...(b && typeof b === 'object' ? b : {}) };
    const host = o.hostname || o.host || 'localhost';
    return `${o.protocol || proto}//${host}${o.port ? `:${o.port}` : ''}${o.path || '/'}`;
  } catch {
    return `${proto}//(unparsed request)`;
  }
}

for (const [mod, proto] of [[http, 'http:'], [https, 'https:']]) {
  for (const name of ['request', 'get']) {
    const original = mod[name];
    mod[name] = function guardedRequest(...args) {
      const url = describeRequest(proto, args);
      let host = '';
      try {
        host = new URL(url).hostname;
      } catch {}
      if (!isLocal(host)) record({ kind: 'http', url });
      return original.apply(this, args);
    };
  }
}

if (typeof globalThis.fetch === 'function') {
  const originalFetch = globalThis.fetch;
  globalThis.fetch = function guardedFetch(input, init) {
    const url = typeof input === 'string' || input instanceof URL ? String(input) : input && input.url;
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {}
    if (!isLocal(host)) {
      record({ kind: 'fetch', url });
      return Promise.reject(new Error(`offline packaging check: network access refused (${url})`));
    }
    return originalFetch.call(this, input, init);
  };
}

// Every TCP connection goes through Socket#connect (http, https, undici, proxies): refuse the
// ones that leave this machine.
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  let host = '';
  let port = '';
  let local = false;
  if (first && typeof first === 'object') {
    if (first.path) local = true;
    host = first.host || first.hostname || '';
    port = String(first.port || '');
  } else if (typeof first === 'string' && !/^\d+$/.test(first)) {
    local = true; // a Unix socket or Windows pipe path
  } else {
    port = String(first);
    host = typeof args[1] === 'string' ? args[1] : 'localhost';
  }
  if (!local && !isLocal(host)) {
    record({ kind: 'connect', host, port });
    process.nextTick(() => this.destroy(new Error(`offline packaging check: network access refused (${host}:${port})`)));
    return this;
  }
  return originalConnect.apply(this, args);
};
