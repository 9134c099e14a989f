#!/usr/bin/env python3
"""A small interactive SSH client on paramiko, for the serve tests: logs in with the code in
$TOV_CODE, asks for a pty of this terminal's size ($TERM) and a shell, and copies bytes both
ways until the channel closes; exits with the session's exit status.

    pyssh.py PORT USER [HOST]
"""
import os
import select
import shutil
import sys
import termios
import tty

import paramiko


def main():
    port, user = int(sys.argv[1]), sys.argv[2]
    host = sys.argv[3] if len(sys.argv) > 3 else "127.0.0.1"
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(host, port, username=user, password=os.environ["TOV_CODE"], look_for_keys=False,
                   allow_agent=False, timeout=15)
    size = shutil.get_terminal_size()
    channel = client.invoke_shell(term=os.environ.get("TERM", "xterm"), width=size.columns, height=size.lines)
    saved = termios.tcgetattr(0)
    tty.setraw(0)
    try:
        while True:
            ready, _, _ = select.select([channel, 0], [], [])
            if channel in ready:
                data = channel.recv(65536)
                if not data:
                    break
                os.write(1, data)
            if 0 in ready:
                data = os.read(0, 4096)
                if not data:
                    break
                channel.sendall(data)
    finally:
        termios.tcsetattr(0, termios.TCSADRAIN, saved)
    status = channel.recv_exit_status() if channel.exit_status_ready() else 0
    client.close()
    return status


if __name__ == "__main__":
    sys.exit(main())
