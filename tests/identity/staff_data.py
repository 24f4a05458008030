"""Staff verifiers as the backend makes them: argon2id with small test parameters."""

from __future__ import annotations

from argon2 import PasswordHasher

from kiosk.identity.keys import card_fingerprint

# Low cost so tests stay quick; production parameters are the backend's choice.
TEST_HASHER = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)

NIINA_CARD, NIINA_PIN = "0040123456", "2468"
OSKU_CARD, OSKU_PIN = "04A1B2C3D4", "13579"


def verifier_rows() -> list[dict]:
    return [
        {"staff_id": "n-17", "card_hash": card_fingerprint(NIINA_CARD), "role": "nurse", "name": "Niina Nurse",
         "verifier": TEST_HASHER.hash(NIINA_PIN)},
        {"staff_id": "a-02", "card_hash": card_fingerprint(OSKU_CARD), "role": "admin", "name": "Osku Admin",
         "verifier": TEST_HASHER.hash(OSKU_PIN)},
    ]
