"""Entry point of the kiosk bundle: the app, or (`welfare-kiosk updater ...`) the updater.

One executable for both keeps the bundle small: the updater shares Python and
its libraries with the app instead of shipping a second copy.
"""

import sys


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "updater":
        from sync.update.__main__ import main as updater_main

        return updater_main(sys.argv[2:])
    from ui.app import main as app_main

    return app_main()


if __name__ == "__main__":
    sys.exit(main())
