"""Fetch pages and feeds over HTTP(S) with httpx, within bounds.

Timeouts, a size limit, at most ``MAX_REDIRECTS`` redirects (each hop checked
again), and no private, loopback or link-local address unless ``allow_private``:
a crawler pointed at the internal network must not become a way into it.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

MAX_REDIRECTS = 5
DEFAULT_TIMEOUT_S = 15.0
DEFAULT_MAX_BYTES = 10 * 2**20
USER_AGENT = "Marsad/0.1 (+https://github.com/marsad; Arabic news event extraction)"


class FetchError(Exception):
    """The URL could not be fetched; the message says why."""


@dataclass
class Fetched:
    url: str                 # the final URL, after redirects
    body: bytes
    content_type: str
    charset: str | None
    status: int = 200        # 304: not modified since the validators sent (body empty)
    etag: str | None = None
    last_modified: str | None = None


def check_address(url: str, allow_private: bool) -> None:
    """Refuse URLs that are not http(s) or whose host resolves to a non-public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs can be fetched, not {parts.scheme or 'no scheme'!r}")
    host = parts.hostname
    if not host:
        raise FetchError("URL without a host")
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"host {host!r} not found ({exc})") from None
    if allow_private:
        return
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            raise FetchError(f"refused: {host} resolves to the non-public address {address} "
                             "(private, loopback or link-local); pass allow_private to fetch it")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def fetch(url: str, *, allow_private: bool = False, timeout: float = DEFAULT_TIMEOUT_S,
          max_bytes: int = DEFAULT_MAX_BYTES, client=None, headers: dict[str, str] | None = None) -> Fetched:
    """GET ``url``; raise ``FetchError`` with a clear reason on any failure.

    ``headers`` are added to the request (``If-None-Match``, ``If-Modified-Since``
    for a conditional GET: a 304 answer comes back as ``status`` 304, no body)."""
    import httpx

    own_client = client is None
    if own_client:
        client = httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False,
                              headers={"User-Agent": USER_AGENT, "Accept-Language": "ar,en;q=0.5"})
    try:
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            check_address(current, allow_private)
            try:
                with client.stream("GET", current, headers=headers) as response:
                    if response.is_redirect and response.status_code != 304:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(f"redirect without a Location header from {current}")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"HTTP {response.status_code} from {current}")
                    validators = {"etag": response.headers.get("etag"),
                                  "last_modified": response.headers.get("last-modified")}
                    if response.status_code == 304:
                        return Fetched(str(response.url), b"", "", None, 304, **validators)
                    declared = response.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise FetchError(f"response larger than {max_bytes // 2**20} MB "
                                         f"(Content-Length {declared})")
                    chunks, size = [], 0
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise FetchError(f"response larger than {max_bytes // 2**20} MB")
                        chunks.append(chunk)
                    content_type = response.headers.get("content-type", "")
                    return Fetched(str(response.url), b"".join(chunks), content_type, _charset(content_type),
                                   response.status_code, **validators)
            except httpx.TimeoutException:
                raise FetchError(f"timed out after {timeout:g} s") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"HTTP error ({type(exc).__name__}: {exc})") from None
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")
    finally:
        if own_client:
            client.close()
