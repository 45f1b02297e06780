"""A small Chrome DevTools Protocol client for the browser tests: starts
headless Chromium with a fresh profile, drives one page (navigate, evaluate,
click, type, screenshot) and records what the page did (dialogs, console
errors, CSP violations)."""

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request

import websocket  # Debian: python3-websocket

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
    "--remote-debugging-port=0",
]


def find_chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    def __init__(self, chromium, width=1280, height=900):
        self.profile = tempfile.mkdtemp(prefix="nsearch-chromium-")
        self.proc = subprocess.Popen(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}",
             f"--window-size={width},{height}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port = self._devtools_port(timeout=20)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as r:
            pages = [t for t in json.load(r) if t.get("type") == "page"]
        self.ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=20,
                                              suppress_origin=True)
        self.next_id = 0
        self.events = []
        self.dialogs = []
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Log.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=False)

    def _devtools_port(self, timeout):
        path = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.time() + timeout
        while time.time() < deadline:
            if os.path.exists(path):
                with open(path) as f:
                    first = f.readline().strip()
                if first:
                    return int(first)
            if self.proc.poll() is not None:
                raise RuntimeError("chromium exited at start")
            time.sleep(0.05)
        raise RuntimeError("chromium gave no DevTools port")

    def _record(self, msg):
        self.events.append(msg)
        if msg.get("method") == "Page.javascriptDialogOpening":
            self.dialogs.append(msg["params"].get("message", ""))
            self._send_raw("Page.handleJavaScriptDialog", {"accept": False})

    def _send_raw(self, method, params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        return self.next_id

    def send(self, method, **params):
        wanted = self._send_raw(method, params)
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == wanted:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self._record(msg)

    def evaluate(self, expression):
        r = self.send("Runtime.evaluate", expression=expression, awaitPromise=True,
                      returnByValue=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expression}: {r['exceptionDetails'].get('text')} "
                               f"{r['exceptionDetails'].get('exception', {}).get('description')}")
        return r["result"].get("value")

    def wait_for(self, condition, timeout=10, what=None):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if self.evaluate(f"Boolean({condition})"):
                    return
            except RuntimeError:
                pass  # the page is between two documents
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what or condition}")

    def wait_ready(self, timeout=10):
        self.wait_for("document.body && document.body.dataset.ready === '1'", timeout,
                      "the page to render")

    def navigate(self, url):
        self.send("Page.navigate", url=url)
        self.wait_ready()

    # A real mouse click at the middle of the first element |selector|
    # matches (or that the JavaScript expression |element| gives).
    def click(self, selector=None, expect_navigation=False, element=None):
        element = element or "document.querySelector(%s)" % json.dumps(selector)
        box = self.evaluate(
            "(() => { const e = %s; if (!e) return null;"
            " e.scrollIntoView({block: 'center'});"
            # The first line's box: a link that wraps has a hole in its middle.
            " const r = e.getClientRects()[0] || e.getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()" % element)
        if box is None:
            raise AssertionError(f"nothing matches {selector or element}")
        if expect_navigation:
            self.evaluate("document.body.dataset.ready = 'old'")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left",
                      clickCount=1)
        if expect_navigation:
            self.wait_ready()

    # Presses Enter (or |key|) expecting it to load another page.
    def press_and_wait(self, key="Enter", code="Enter", text="\r", vk=13):
        self.evaluate("document.body.dataset.ready = 'old'")
        self.key(key, code, text, vk)
        self.wait_ready()

    def key(self, key, code=None, text=None, vk=0):
        self.send("Input.dispatchKeyEvent", type="keyDown", key=key, code=code or key,
                  text=text or "", windowsVirtualKeyCode=vk)
        self.send("Input.dispatchKeyEvent", type="keyUp", key=key, code=code or key,
                  windowsVirtualKeyCode=vk)

    def type_text(self, text):
        self.send("Input.insertText", text=text)

    def screenshot(self, path, full_page=True):
        params = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
            metrics = self.send("Page.getLayoutMetrics")
            size = metrics["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"],
                              "height": min(size["height"], 4000), "scale": 1}
        data = self.send("Page.captureScreenshot", **params)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def console_errors(self):
        out = []
        for m in self.events:
            if m.get("method") == "Log.entryAdded" and m["params"]["entry"]["level"] == "error":
                out.append(m["params"]["entry"].get("text", ""))
            if m.get("method") == "Runtime.exceptionThrown":
                out.append(m["params"]["exceptionDetails"].get("text", ""))
        return out

    def drain(self):
        """Reads the events already sent (a dialog, a console error)."""
        self.ws.settimeout(0.2)
        try:
            while True:
                self._record(json.loads(self.ws.recv()))
        except (websocket.WebSocketTimeoutException, TimeoutError):
            pass
        finally:
            self.ws.settimeout(20)

    def close(self):
        try:
            self.ws.close()
        except Exception:
            pass
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)
