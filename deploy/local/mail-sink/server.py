#!/usr/bin/python3
"""A local SMTP server for runs and tests of Kutse: it accepts every message and keeps it as one
.eml file in a folder, where a developer opens it and a test reads it. NOT for production: no
authentication, no relaying, nothing leaves the machine.

Configuration (environment): KUTSE_MAIL_SINK_PORT (TCP port on 127.0.0.1), KUTSE_MAIL_SINK_DIR (the
folder; made if missing), and optionally KUTSE_MAIL_SINK_REJECT_FILE: a file of recipient addresses,
one a line, refused with 550 (read at each recipient, so a test makes a mailbox fail and mend). Debian's python3-aiosmtpd speaks the protocol; run with /usr/bin/python3,
whose dist-packages hold it.
"""
import asyncio
import os
import signal
import sys
import time

from aiosmtpd.smtp import SMTP

NAME = "kutse-mail-sink"


def log(message):
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    sys.stdout.write(f"{stamp} info {NAME}: {message}\n")
    sys.stdout.flush()


class FolderHandler:
    """Each message a file <ns-time>-<n>.eml, written beside and renamed so a reader never sees half."""

    def __init__(self, folder, reject_file):
        self.folder = folder
        self.reject_file = reject_file
        self.count = 0

    def refused(self, address):
        if not self.reject_file or not os.path.exists(self.reject_file):
            return False
        with open(self.reject_file, encoding="utf-8") as listed:
            return address in (line.strip() for line in listed)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refused(address):
            log("refused a recipient listed in the reject file")
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = f"{time.time_ns():020d}-{os.getpid()}-{self.count:06d}"
        partial = os.path.join(self.folder, f".{base}.part")
        with open(partial, "wb") as out:
            out.write(f"X-Kutse-Envelope-To: {', '.join(envelope.rcpt_tos)}\r\n".encode("ascii", "replace"))
            out.write(envelope.original_content or envelope.content)
        os.rename(partial, os.path.join(self.folder, f"{base}.eml"))
        # The recipient is a personal code for the state portal: never in the log.
        log(f"kept a message of {len(envelope.content)} bytes for {len(envelope.rcpt_tos)} recipient(s)")
        return "250 OK kept"


def main():
    port = int(os.environ.get("KUTSE_MAIL_SINK_PORT", "0"))
    folder = os.environ.get("KUTSE_MAIL_SINK_DIR", "")
    if not 0 < port < 65536 or not folder:
        sys.stderr.write(f"{NAME}: ERROR: set KUTSE_MAIL_SINK_PORT and KUTSE_MAIL_SINK_DIR\n")
        sys.exit(2)
    os.makedirs(folder, exist_ok=True)
    handler = FolderHandler(folder, os.environ.get("KUTSE_MAIL_SINK_REJECT_FILE", ""))
    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(
        loop.create_server(lambda: SMTP(handler, hostname="mail-sink.kutse.test", decode_data=False),
                           host="127.0.0.1", port=port, reuse_address=True))
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    log(f"listening on 127.0.0.1:{port}, keeping messages in {folder}")
    loop.run_until_complete(stop.wait())
    server.close()
    loop.run_until_complete(server.wait_closed())
    log("stopped")


if __name__ == "__main__":
    main()
