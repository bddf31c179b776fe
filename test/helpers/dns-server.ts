// A tiny authoritative DNS server on loopback (UDP) answering A queries for one name with several
// addresses: what a headless Kubernetes Service gives its clients, without a cluster.
import dgram from 'node:dgram';

export interface DnsServer {
  port: number;
  /** Queries answered, by type (1 = A, 28 = AAAA, 16 = TXT). */
  queries: number[];
  close(): Promise<void>;
}

function readName(msg: Buffer, offset: number): { name: string; end: number } {
  const labels: string[] = [];
  let pos = offset;
  while (msg[pos]! !== 0) {
    const len = msg[pos]!;
    labels.push(msg.subarray(pos + 1, pos + 1 + len).toString('ascii'));
    pos += len + 1;
  }
  return { name: labels.join('.').toLowerCase(), end: pos + 1 };
}

export function startDnsServer(name: string, addresses: string[]): Promise<DnsServer> {
  const socket = dgram.createSocket('udp4');
  const queries: number[] = [];
  socket.on('message', (msg, rinfo) => {
    const { name: qname, end } = readName(msg, 12);
    const qtype = msg.readUInt16BE(end);
    queries.push(qtype);
    const question = msg.subarray(12, end + 4);
    const answers = qname === name.toLowerCase() && qtype === 1 ? addresses : [];
    const header = Buffer.alloc(12);
    msg.copy(header, 0, 0, 2); // id
    // response, authoritative, recursion desired copied; NXDOMAIN for other names
    header.writeUInt16BE(0x8400 | (msg.readUInt16BE(2) & 0x0100) | (qname === name.toLowerCase() ? 0 : 3), 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    const records = answers.map((addr) => {
      const rr = Buffer.alloc(16);
      rr.writeUInt16BE(0xc00c, 0); // pointer to the question's name
      rr.writeUInt16BE(1, 2); // A
      rr.writeUInt16BE(1, 4); // IN
      rr.writeUInt32BE(5, 6); // TTL
      rr.writeUInt16BE(4, 10);
      addr.split('.').forEach((b, i) => rr.writeUInt8(Number(b), 12 + i));
      return rr;
    });
    socket.send(Buffer.concat([header, question, ...records]), rinfo.port, rinfo.address);
  });
  return new Promise((resolve) =>
    socket.bind(0, '127.0.0.1', () =>
      resolve({
        port: socket.address().port,
        queries,
        close: () => new Promise((r) => socket.close(() => r())),
      }),
    ),
  );
}
