"""The student's page for a live drill: plain HTML, CSS and JavaScript shipped in the package and
served by the drill host on its own port (`/join`), speaking the host's WebSocket protocol
(docs/drills.md). A browser draws and shapes Arabic itself, so the page only marks text
`dir="auto"`. Everything the host sends is set as text, never as HTML."""

from __future__ import annotations

from importlib import resources

from aiohttp import web

PAGE = "student.html"
FILES = {"student.js": "text/javascript", "student.css": "text/css"}


# The page loads only its own script and style and talks only to its own host: no inline code,
# no frames, no other origin (names and answers are set as text, and this backs that up).
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def _read(name: str) -> bytes:
    return resources.files(__package__).joinpath(name).read_bytes()


async def _page(request: web.Request) -> web.Response:
    return web.Response(
        body=_read(PAGE), content_type="text/html", charset="utf-8", headers=HEADERS
    )


async def _file(request: web.Request) -> web.Response:
    name = request.match_info["name"]
    if name not in FILES:
        raise web.HTTPNotFound()
    return web.Response(
        body=_read(name), content_type=FILES[name], charset="utf-8", headers=HEADERS
    )


def routes() -> list[web.RouteDef]:
    """`/join`, the page, and the two files it loads."""
    return [web.get("/join", _page), web.get("/join/{name}", _file)]
