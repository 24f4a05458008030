"""Takes queue numbers in a loop and prints each one after it is committed.

Run by test_queue.py, which kills this process with SIGKILL at random moments:
every number printed here was shown to a resident and must survive.
"""

import sys

from kiosk.queue import WalkInQueue, lines_from_channels
from kiosk.storage.db import open_database


def main() -> None:
    db = open_database(sys.argv[1])
    queue = WalkInQueue(db, lines_from_channels([("nurse", "nurse-service"), ("social", "social-service")]))
    i = 0
    while True:
        t = queue.take_number("nurse" if i % 3 else "social")
        sys.stdout.write(f"{t.id} {t.label}\n")  # one write, so a kill cuts at most the last line
        sys.stdout.flush()
        i += 1


if __name__ == "__main__":
    main()
