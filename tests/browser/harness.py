"""What the browser tests stand on: indexes built with the real
nsearch-index, nsearch-serve started on free ports, one headless Chromium,
and a tiny runner that prints 'N passed, N failed'. Exits 77 (skipped, and
says why) when Chromium or the websocket module is missing."""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

SKIP = 77


def skip(why):
    print(f"SKIPPED: {why}; the browser tests did not run")
    sys.exit(SKIP)


try:
    import cdp
except ImportError as e:  # python3-websocket missing
    skip(f"cannot import the websocket client ({e}); scripts/setup installs python3-websocket")


class Server:
    """nsearch-serve --port 0 over |index|; .url is what it printed."""

    def __init__(self, bin_dir, index):
        self.proc = subprocess.Popen(
            [os.path.join(bin_dir, "nsearch-serve"), "--index", index, "--port", "0", "-q"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.url = self.proc.stdout.readline().strip()
        if not self.url.startswith("http://127.0.0.1:"):
            raise RuntimeError("nsearch-serve printed no URL: " + self.proc.stderr.read())

    def stop(self):
        self.proc.terminate()
        try:
            return self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()


class Context:
    def __init__(self, bin_dir, out_dir):
        chromium = cdp.find_chromium()
        if not chromium:
            skip("chromium not found (scripts/setup installs Debian's chromium)")
        self.bin_dir = bin_dir
        self.out_dir = out_dir
        os.makedirs(out_dir, exist_ok=True)
        self.tmp = tempfile.mkdtemp(prefix="nsearch-browser-")
        self.servers = []
        self.browser = cdp.Browser(chromium)

    def index(self, name, *inputs):
        path = os.path.join(self.tmp, name)
        r = subprocess.run([os.path.join(self.bin_dir, "nsearch-index"), "-q", "--index", path,
                            *inputs], capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"nsearch-index {inputs}: {r.stderr}")
        return path

    def serve(self, index):
        server = Server(self.bin_dir, index)
        self.servers.append(server)
        return server.url

    def shot(self, name):
        path = os.path.join(self.out_dir, name)
        self.browser.screenshot(path)
        return path

    def close(self):
        self.browser.close()
        codes = [s.stop() for s in self.servers]
        shutil.rmtree(self.tmp, ignore_errors=True)
        return codes


def run(ctx, tests):
    """Runs each test(ctx) in order; prints one line each and the totals."""
    passed = failed = 0
    for test in tests:
        start = time.time()
        try:
            test(ctx)
            passed += 1
            print(f"PASS {test.__name__} ({time.time() - start:.1f} s)")
        except Exception:  # an assertion or a broken page: report, go on
            failed += 1
            print(f"FAIL {test.__name__}")
            traceback.print_exc()
        sys.stdout.flush()
    codes = ctx.close()
    if any(code != 0 for code in codes):
        failed += 1
        print(f"FAIL servers stopped with exit codes {codes}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0
