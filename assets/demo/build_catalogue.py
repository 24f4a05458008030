"""Write assets/demo/catalogue.json from the Python sources in assets/demo/demo_source/.

The demo catalogue of the Kontula (Gårdsbacka) welfare centre in eastern Helsinki.
The output is deterministic: the same sources always give the same bytes, so the
committed JSON can be checked against its sources (tests/kiosk/test_demo_catalogue.py).

    .venv/bin/python assets/demo/build_catalogue.py          # rewrite catalogue.json
    .venv/bin/python assets/demo/build_catalogue.py --check  # exit 1 if catalogue.json is stale
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "catalogue.json"

if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from demo_source import private, providers, public, third_sector  # noqa: E402

FORMAT = "welfare-kiosk-catalogue/1"
SOURCE = "Demo: Kontula welfare centre and welfare kiosk, eastern Helsinki (fictional data)"
GENERATED_AT = "2026-11-25T09:00:00+02:00"


def build() -> dict:
    return {
        "format": FORMAT,
        "source": SOURCE,
        "generated_at": GENERATED_AT,
        "providers": providers.PROVIDERS,
        "services": public.SERVICES + private.SERVICES + third_sector.SERVICES,
    }


def render() -> str:
    return json.dumps(build(), ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT} is out of date: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    data = build()
    print(f"wrote {OUTPUT}: {len(data['providers'])} providers, {len(data['services'])} services")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
