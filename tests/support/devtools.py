"""Headless Chromium driven over its DevTools pipe, to ask what a page's text was rendered with.

`--dump-dom` shows what is in the page, not how it looks: Chinese drawn as empty boxes (no font has
the glyphs) dumps the same DOM as Chinese drawn in a CJK font. The DevTools protocol's
`CSS.getPlatformFontsForNode` names the fonts Chromium drew an element's text with. The pipe
(`--remote-debugging-pipe`: commands in on descriptor 3, replies out on 4, each JSON ending in NUL)
needs no port and no WebSocket client.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

Message = dict[str, Any]
TIMEOUT = 60.0


@dataclass(frozen=True)
class Rendered:
    """An element's text and language, and the fonts its glyphs were drawn with: family name and glyph count."""

    text: str
    lang: str
    fonts: dict[str, int]


# Puts the pipe's ends on descriptors 3 and 4 and becomes Chromium. Python rather than sh: dash takes
# single-digit descriptors only, and moving them past 9 first keeps one from overwriting the other.
TRAMPOLINE = """import fcntl, os, sys
ends = [fcntl.fcntl(int(fd), fcntl.F_DUPFD, 10) for fd in sys.argv[1:3]]
for target, end in zip((3, 4), ends):
    os.dup2(end, target)
os.execvp(sys.argv[3], sys.argv[3:])
"""


class DevTools:
    def __init__(self, command: list[str]) -> None:
        to_browser, self._commands = os.pipe()
        self._replies, from_browser = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, "-c", TRAMPOLINE, str(to_browser), str(from_browser), *command, "--remote-debugging-pipe"],
            pass_fds=(to_browser, from_browser),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._last_id = 0

    def __enter__(self) -> DevTools:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self._send("Browser.close")
            self.process.wait(timeout=TIMEOUT)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        finally:
            os.close(self._commands)
            os.close(self._replies)

    def _send(self, method: str, session: str | None = None, **params: Any) -> int:
        self._last_id += 1
        message: Message = {"id": self._last_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        return self._last_id

    def _messages(self) -> Iterator[Message]:
        deadline = time.monotonic() + TIMEOUT
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                yield json.loads(raw)
            ready, _, _ = select.select([self._replies], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise TimeoutError("Chromium did not answer over its DevTools pipe")
            chunk = os.read(self._replies, 1 << 16)
            if not chunk:
                raise EOFError("Chromium closed its DevTools pipe")
            self._buffer += chunk

    def wait_for(self, found: Callable[[Message], bool]) -> Message:
        return next(m for m in self._messages() if found(m))

    def call(self, method: str, session: str | None = None, **params: Any) -> Message:
        sent = self._send(method, session, **params)
        reply = self.wait_for(lambda m: m.get("id") == sent)
        assert "error" not in reply, f"{method}: {reply['error']}"
        return reply["result"]


def rendered_fonts(command: list[str], url: str, selector: str, prepare: str = "") -> list[Rendered]:
    """The text of each element `selector` matches in the loaded page, with the fonts it was drawn in;
    `prepare`: a script run first (to unfold what is folded: text not drawn has no fonts)."""
    with DevTools(command) as browser:
        target = browser.call("Target.createTarget", url="about:blank")["targetId"]
        session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        browser.call("Page.enable", session)
        browser.call("Page.navigate", session, url=url)
        browser.wait_for(lambda m: m.get("method") == "Page.loadEventFired")
        if prepare:
            browser.call("Runtime.evaluate", session, expression=prepare)
        browser.call("DOM.enable", session)
        browser.call("CSS.enable", session)
        root = browser.call("DOM.getDocument", session, depth=-1, pierce=False)["root"]
        nodes = dict(_nodes(root))
        found = []
        for node in browser.call("DOM.querySelectorAll", session, nodeId=root["nodeId"], selector=selector)["nodeIds"]:
            fonts = browser.call("CSS.getPlatformFontsForNode", session, nodeId=node)["fonts"]
            attributes = nodes[node].get("attributes", [])
            lang = dict(zip(attributes[::2], attributes[1::2], strict=True)).get("lang", "")
            found.append(Rendered(_text(nodes[node]), lang, {f["familyName"]: f["glyphCount"] for f in fonts}))
        return found


def _nodes(node: Message) -> Iterator[tuple[int, Message]]:
    """Every node of the document tree DevTools sends, by its id."""
    yield node["nodeId"], node
    for child in node.get("children", []):
        yield from _nodes(child)


def _text(node: Message) -> str:
    if node.get("nodeType") == 3:  # a text node
        return str(node.get("nodeValue", ""))
    return "".join(_text(child) for child in node.get("children", []))
