"""Write ciphertexts.json once: sealed values that every later Bowlby must still open.

Run by hand (``python tests/store/golden/make_ciphertexts.py``) only when a new format version
adds new golden values; it refuses to overwrite the committed file, and the tests never run it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bowlby.store import encryption as enc

TARGET = Path(__file__).with_name("ciphertexts.json")


def _fields() -> list[dict[str, str]]:
    key = enc.new_key()
    samples = [
        ("entries", "sealed_text", "6f1d0c1e-4b7a-4c53-9a55-3f0d9d1b2a10", '{"body": "hello"}'),
        ("entries", "sealed_text", "0b8e5a3c-1111-4e2f-8d6a-2c9f1e7b5d44", "Ünïcödé ✓ — 🙂"),
        ("profiles", "sealed_private_key", "e2d8c6a4-2222-4b1c-9e3f-7a5d4c3b2a19", ""),
    ]
    fields = []
    for table, column, row_id, plaintext in samples:
        aad = enc.field_aad(table, column, row_id)
        fields.append(
            {
                "key": key.hex(),
                "key_id": enc.key_id(key).hex(),
                "table": table,
                "column": column,
                "row_id": row_id,
                "aad": aad.decode("utf-8"),
                "blob": enc.seal(key, plaintext.encode("utf-8"), aad).hex(),
                "plaintext": plaintext,
            }
        )
    return fields


def _wrapped_key() -> dict[str, object]:
    passphrase = "correct horse battery staple"
    params = enc.KdfParams.fresh(time_cost=1, memory_kib=64, parallelism=1)
    master = enc.derive_passphrase_key(passphrase, params)
    data_key = enc.new_key()
    aad = enc.field_aad("profiles", "wrapped_data_key", "a3b2c1d0-3333-4e5f-8a7b-6c5d4e3f2a1b")
    wrapped = enc.wrap_key(data_key, master, aad)
    return {
        "passphrase": passphrase,
        "kdf": {
            "salt": params.salt.hex(),
            "time_cost": params.time_cost,
            "memory_kib": params.memory_kib,
            "parallelism": params.parallelism,
        },
        "derived_key": master.hex(),
        "aad": aad.decode("utf-8"),
        "check": wrapped.check.hex(),
        "sealed": wrapped.sealed.hex(),
        "data_key": data_key.hex(),
    }


def _recovery_wrapped_key() -> dict[str, str]:
    text, raw = enc.new_recovery_key()
    data_key = enc.new_key()
    aad = enc.field_aad(
        "profiles", "recovery_wrapped_data_key", "a3b2c1d0-3333-4e5f-8a7b-6c5d4e3f2a1b"
    )
    wrapped = enc.wrap_key(data_key, raw, aad)
    return {
        "recovery_key": text,
        "aad": aad.decode("utf-8"),
        "check": wrapped.check.hex(),
        "sealed": wrapped.sealed.hex(),
        "data_key": data_key.hex(),
    }


def _recipient_sealed() -> dict[str, str]:
    private_key, public_key = enc.new_key_pair()
    secret = enc.new_key()
    aad = enc.field_aad("entry_shares", "sealed_key", "entry-id:recipient-id")
    return {
        "private_key": private_key.hex(),
        "public_key": public_key.hex(),
        "aad": aad.decode("utf-8"),
        "blob": enc.seal_for_recipient(public_key, secret, aad).hex(),
        "secret": secret.hex(),
    }


def main() -> int:
    if TARGET.exists():
        print(f"{TARGET} exists; golden values are never regenerated.", file=sys.stderr)
        return 1
    golden = {
        "format_version": enc.FORMAT_VERSION,
        "fields": _fields(),
        "wrapped_key": _wrapped_key(),
        "recovery_wrapped_key": _recovery_wrapped_key(),
        "recipient_sealed": _recipient_sealed(),
    }
    TARGET.write_text(json.dumps(golden, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
