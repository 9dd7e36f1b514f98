// A bare HTTP/1.1 client on one TCP socket, for what fetch hides: which headers the server really
// sends (Connection), and whether one connection serves several requests.
import net from 'node:net';

function parseHead(head) {
  const [statusLine, ...lines] = head.split('\r\n');
  const match = /^HTTP\/(1\.[01]) ([0-9]{3})/.exec(statusLine);
  if (!match) throw new Error(`not an HTTP status line: ${statusLine}`);
  const headers = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
  }
  return { version: match[1], status: Number(match[2]), headers };
}

export class RawConnection {
  static connect(port, host = '127.0.0.1', timeoutMs = 5000) {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ port, host });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`connect to ${host}:${port} timed out`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(new RawConnection(socket));
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  constructor(socket) {
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    this.closed = false;
    this.waiter = null;
    socket.on('data', (chunk) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.waiter?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiter?.();
    });
    socket.on('error', () => {}); // surfaces as 'close'
  }

  // One complete response from the buffer, or undefined while incomplete.
  take() {
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0) return undefined;
    const head = parseHead(this.buffer.subarray(0, end).toString('latin1'));
    const length = head.headers['content-length'];
    if (length === undefined) {
      if (!this.closed) return undefined; // delimited by close
      const body = this.buffer.subarray(end + 4).toString('utf8');
      this.buffer = Buffer.alloc(0);
      return { ...head, body };
    }
    const total = end + 4 + Number(length);
    if (this.buffer.length < total) return undefined;
    const body = this.buffer.subarray(end + 4, total).toString('utf8');
    this.buffer = this.buffer.subarray(total);
    return { ...head, body };
  }

  /** Writes `text` (a whole request) and resolves to the next response {status, headers, body}. */
  request(text, timeoutMs = 10000) {
    this.socket.write(text);
    return this.next(timeoutMs);
  }

  next(timeoutMs = 10000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new Error(`no complete response within ${timeoutMs} ms (have ${this.buffer.length} bytes)`));
      }, timeoutMs);
      const attempt = () => {
        let response;
        try {
          response = this.take();
        } catch (error) {
          clearTimeout(timer);
          this.waiter = null;
          reject(error);
          return;
        }
        if (response) {
          clearTimeout(timer);
          this.waiter = null;
          resolve(response);
        } else if (this.closed) {
          clearTimeout(timer);
          this.waiter = null;
          reject(new Error(`the server closed the connection before a complete response (${this.buffer.length} bytes)`));
        }
      };
      this.waiter = attempt;
      attempt();
    });
  }

  close() {
    this.socket.destroy();
  }
}
