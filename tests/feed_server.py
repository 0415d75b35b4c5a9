"""An HTTP server on 127.0.0.1 (http.server in a thread) for the ingest and watch tests."""

from __future__ import annotations

import hashlib
import http.server
import threading
import time
from collections import Counter


class FeedServer:
    """Routes that tests change between rounds, each a dict: ``body``, ``type``, ``status``,
    ``headers``; ``etag`` / ``last_modified`` to answer conditional GETs with 304 as a real
    server does; ``fail``: that many 500s first; ``delay``: seconds before answering."""

    def __init__(self):
        self.routes: dict[str, dict] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict]] = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                owner.hits[self.path] += 1
                owner.requests.append((self.path, dict(self.headers)))
                route = owner.routes.get(self.path)
                if route is None:
                    return self._send(404, {}, b"not here")
                if route.get("fail", 0) > 0:
                    route["fail"] -= 1
                    return self._send(500, {}, b"server error")
                if route.get("delay"):
                    time.sleep(route["delay"])
                body = route["body"]
                headers = {"Content-Type": route.get("type", "text/html; charset=utf-8"),
                           **route.get("headers", {})}
                if route.get("etag"):
                    headers["ETag"] = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                    if self.headers.get("If-None-Match") == headers["ETag"]:
                        return self._send(304, {"ETag": headers["ETag"]}, b"")
                if route.get("last_modified"):
                    headers["Last-Modified"] = route["last_modified"]
                    if self.headers.get("If-Modified-Since") == route["last_modified"]:
                        return self._send(304, {}, b"")
                self._send(route.get("status", 200), headers, body)

            def _send(self, status, headers, body):
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
