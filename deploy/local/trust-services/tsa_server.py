#!/usr/bin/python3
"""A local RFC 3161 time-stamping authority for runs and tests of Kutse: each HTTP POST of an
application/timestamp-query is answered by OpenSSL's own `openssl ts -reply` with the development
TSA certificate, as application/timestamp-reply. NOT for production (there the national
trust-service provider's TSA is used): no authentication, development keys.

Configuration (environment):
  KUTSE_TSA_PORT          TCP port on 127.0.0.1
  KUTSE_TSA_MATERIAL_DIR  folder with tsa_cert.pem, tsa_key.pem and ca.pem (deploy/local/lib/secrets.sh,
                          kutse_ensure_trust_service_material)
  KUTSE_TSA_STATE_DIR     folder of its own (made if missing): the `openssl ts` configuration and
                          each query, with its serial file, while it is answered
  KUTSE_TSA_POLICY        optional: the OID of its policy (default 2.999.1, under ITU-T's example arc)
Standard library only; run with /usr/bin/python3.
"""
import http.server
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time

NAME = "kutse-tsa"
QUERY_TYPE = "application/timestamp-query"
REPLY_TYPE = "application/timestamp-reply"
MAX_QUERY_BYTES = 16 * 1024  # a query is about 60 bytes; anything near this is not one
OPENSSL_TIMEOUT_S = 10


def log(message):
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    sys.stdout.write(f"{stamp} info {NAME}: {message}\n")
    sys.stdout.flush()


def write_config(material, state, policy):
    """The `openssl ts` configuration (see `man openssl-ts`). The serial file is each query's own
    (named by the environment), so queries are answered side by side."""
    config = os.path.join(state, "tsa.cnf")
    with open(config, "w", encoding="utf-8") as out:
        out.write(
            "[ tsa ]\ndefault_tsa = tsa_config\n[ tsa_config ]\n"
            "serial = $ENV::KUTSE_TSA_SERIAL_FILE\n"
            "crypto_device = builtin\n"
            f"signer_cert = {os.path.join(material, 'tsa_cert.pem')}\n"
            f"certs = {os.path.join(material, 'ca.pem')}\n"
            f"signer_key = {os.path.join(material, 'tsa_key.pem')}\n"
            "signer_digest = sha256\n"
            f"default_policy = {policy}\n"
            "digests = sha256, sha384, sha512\n"
            "accuracy = secs:1\nordering = no\ntsa_name = yes\n"
            "ess_cert_id_chain = no\ness_cert_id_alg = sha256\n"
        )
    return config


class TsaHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: the stamping service's client reuses its connection
    timeout = 30  # an idle or stalled connection is closed, so threads do not pile up
    # Head and body in one buffered write, sent at once: written apart, with Nagle's algorithm and the
    # client's delayed ACK, each answer waited 40 ms more (measured: p50 52 ms, then 10 ms).
    wbufsize = -1
    disable_nagle_algorithm = True
    server_version = NAME

    def answer(self, status, content_type, body, close=False):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(body)

    def refuse(self, status, text):
        # The body is not read: the connection cannot be reused.
        self.answer(status, "text/plain; charset=utf-8", (text + "\n").encode(), close=True)

    def do_POST(self):
        length = self.headers.get("Content-Length", "")
        if not length.isdigit():
            self.refuse(411, "a Content-Length is required")
            return
        if int(length) > MAX_QUERY_BYTES:
            self.refuse(413, "too large for a time-stamp query")
            return
        media_type = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if media_type != QUERY_TYPE:
            self.refuse(415, f"send {QUERY_TYPE}")
            return
        query = self.rfile.read(int(length))
        reply = self.server.stamp(query)
        if reply is None:
            self.answer(500, "text/plain; charset=utf-8", b"the TSA could not answer\n")
            return
        self.answer(200, REPLY_TYPE, reply)
        log(f"answered a time-stamp query of {len(query)} bytes")

    def refuse_method(self):
        self.send_response(405)
        self.send_header("Allow", "POST")
        self.send_header("Content-Length", "0")
        self.send_header("Connection", "close")
        self.close_connection = True
        self.end_headers()

    do_GET = do_HEAD = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = refuse_method

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass  # one line per answer is written by do_POST; the default would repeat each request


class TsaServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port, config, state):
        super().__init__(("127.0.0.1", port), TsaHandler)
        self.config = config
        self.state = state
        # Serials count up from a random 64-bit start, so two local TSAs with the same certificate
        # hand out different ones; the lock keeps each one given once.
        self.serial = secrets.randbits(63)
        self.serial_lock = threading.Lock()

    def next_serial(self):
        with self.serial_lock:
            self.serial += 1
            return self.serial

    def stamp(self, query):
        """The DER TimeStampResp of `openssl ts -reply` for `query`, or None when it failed. A
        query it cannot read is answered by OpenSSL itself with a rejection (status 2)."""
        with tempfile.TemporaryDirectory(dir=self.state) as scratch:
            query_file = os.path.join(scratch, "query.tsq")
            reply_file = os.path.join(scratch, "reply.tsr")
            serial_file = os.path.join(scratch, "serial")
            with open(query_file, "wb") as out:
                out.write(query)
            # `openssl ts -reply` uses the serial in the file and writes the next one back.
            with open(serial_file, "w", encoding="ascii") as out:
                out.write(f"{self.next_serial():016X}\n")
            command = ["openssl", "ts", "-reply", "-config", self.config, "-queryfile", query_file,
                       "-out", reply_file]
            environment = {**os.environ, "KUTSE_TSA_SERIAL_FILE": serial_file}
            try:
                done = subprocess.run(command, capture_output=True, timeout=OPENSSL_TIMEOUT_S, check=False,
                                      env=environment)
            except subprocess.TimeoutExpired:
                log("openssl ts -reply timed out")
                return None
            if done.returncode != 0 or not os.path.exists(reply_file):
                log(f"openssl ts -reply failed with exit code {done.returncode}")
                return None
            with open(reply_file, "rb") as reply:
                return reply.read()


def main():
    port = int(os.environ["KUTSE_TSA_PORT"])
    material = os.path.abspath(os.environ["KUTSE_TSA_MATERIAL_DIR"])
    state = os.path.abspath(os.environ["KUTSE_TSA_STATE_DIR"])
    policy = os.environ.get("KUTSE_TSA_POLICY") or "2.999.1"
    for name in ("tsa_cert.pem", "tsa_key.pem", "ca.pem"):
        if not os.path.isfile(os.path.join(material, name)):
            sys.exit(f"{NAME}: {name} is missing in {material}")
    os.makedirs(state, mode=0o700, exist_ok=True)
    server = TsaServer(port, write_config(material, state, policy), state)
    # SIGTERM ends serve_forever from another thread (shutdown() waits for the loop to stop).
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    log(f"listening on 127.0.0.1:{port}, policy {policy}")
    server.serve_forever()
    server.server_close()
    log("stopped")


if __name__ == "__main__":
    main()
