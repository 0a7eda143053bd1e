"""Seeded ids for the contract fuzzer (scripts/fuzz.sh).

Without real ids a fuzzer only ever sees 400 and 404 on paths like
`/v1/projects/{project}/items`. This module logs in as a demo principal and crawls the API
the way a client would: it reads every list and object it can, collects the ids it finds
(each id kind has its own prefix, documented as the path parameter's `pattern`), and then
picks, for every operation, ids that belong together: the `{slice}` of
`/v1/experts/{expert}/slices/{slice}/history` is taken from what
`/v1/experts/{expert}/slices` returned for that expert, when it returned any.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections import OrderedDict
from dataclasses import dataclass, field

ID_RE = re.compile(r"^([a-z]{3})_[0-7][0-9a-hjkmnp-tv-z]{25}$")
PREFIX_RE = re.compile(r"^\^([a-z]{3})_")
METHODS = ("get", "post", "put", "patch", "delete")


def request(base: str, method: str, path: str, token: str | None = None, body=None):
    """One JSON call; returns (status, parsed body or None)."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        req.add_header("content-type", "application/json")
    if token:
        req.add_header("authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            raw, status, ctype = resp.read(), resp.status, resp.headers.get("content-type", "")
    except urllib.error.HTTPError as err:
        raw, status, ctype = err.read(), err.code, err.headers.get("content-type", "")
    if "json" in ctype and raw:
        try:
            return status, json.loads(raw)
        except ValueError:
            return status, None
    return status, None


def login(base: str, email: str, password: str) -> str:
    status, body = request(base, "POST", "/v1/auth/login", body={"email": email, "password": password})
    if status != 200 or not isinstance(body, dict) or "access_token" not in body:
        raise SystemExit(f"login as {email} failed: {status} {body}")
    return body["access_token"]


def resolve(spec: dict, schema: dict) -> dict:
    while isinstance(schema, dict) and "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = spec["components"]["schemas"][name]
    return schema


def param_prefix(spec: dict, param: dict) -> str | None:
    """The id prefix a parameter takes (`prj` for a project id), from its pattern."""
    schema = resolve(spec, param.get("schema", {}))
    m = PREFIX_RE.match(schema.get("pattern", "") or "")
    return m.group(1) if m else None


def operations(spec: dict):
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                yield method, path, item[method]


@dataclass
class Harvest:
    """Ids seen, by prefix, each with the concrete paths whose responses held it."""

    ids: dict[str, OrderedDict] = field(default_factory=dict)
    versions: dict[str, list[int]] = field(default_factory=dict)

    def add(self, value: str, source: str) -> None:
        m = ID_RE.match(value)
        if m:
            self.ids.setdefault(m.group(1), OrderedDict()).setdefault(value, []).append(source)

    def walk(self, node, source: str) -> None:
        if isinstance(node, dict):
            for v in node.values():
                self.walk(v, source)
        elif isinstance(node, list):
            for v in node:
                self.walk(v, source)
        elif isinstance(node, str):
            self.add(node, source)

    def pick(self, prefix: str, under: str) -> str | None:
        """An id of this kind, preferring one found below `under` (the concrete path so far)."""
        found = self.ids.get(prefix)
        if not found:
            return None
        if under:
            for value, sources in found.items():
                if any(s.startswith(under + "/") for s in sources):
                    return value
        return next(iter(found))


def fill(spec: dict, path: str, op: dict, harvest: Harvest) -> dict[str, object] | None:
    """Path parameter values for `path`, left to right, or None when one is unknown."""
    params = {p["name"]: p for p in op.get("parameters", []) if p["in"] == "path"}
    values: dict[str, object] = {}
    concrete = ""
    for segment in path.split("/")[1:]:
        m = re.fullmatch(r"\{(\w+)\}", segment)
        if not m:
            concrete += "/" + segment
            continue
        name = m.group(1)
        param = params.get(name)
        if param is None:
            return None
        prefix = param_prefix(spec, param)
        if prefix is not None:
            value = harvest.pick(prefix, concrete)
        else:
            # The only non-id path parameter is a constitution version.
            known = harvest.versions.get(concrete)
            value = known[-1] if known else None
        if value is None:
            return None
        values[name] = value
        concrete += f"/{value}"
    return values


def concrete_path(path: str, values: dict[str, object]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), path)


def crawl(base: str, spec: dict, token: str, rounds: int = 4) -> Harvest:
    """Reads every GET the principal can fill until no new id turns up."""
    harvest = Harvest()
    done: set[str] = set()
    for _ in range(rounds):
        before = sum(len(v) for v in harvest.ids.values())
        for method, path, op in operations(spec):
            if method != "get" or path in ("/metrics",):
                continue
            values = fill(spec, path, op, harvest)
            if values is None:
                continue
            url = concrete_path(path, values)
            if url in done:
                continue
            done.add(url)
            status, body = request(base, "GET", url, token)
            if status != 200 or body is None:
                continue
            harvest.walk(body, url)
            if path.endswith("/constitutions") and isinstance(body, dict):
                versions = [c.get("version") for c in body.get("data", []) if isinstance(c, dict)]
                harvest.versions[url] = sorted(v for v in versions if isinstance(v, int))
        if sum(len(v) for v in harvest.ids.values()) == before:
            break
    return harvest
