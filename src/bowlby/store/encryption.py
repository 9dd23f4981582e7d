"""Encryption at rest: AES-256-GCM fields that describe themselves, keys from Argon2id.

A sealed field is ``version (1) | key id (4) | nonce (12) | ciphertext and tag``. The associated
data binds it to its table, column and row, so a value copied to another row does not open.
Each profile has a random data key, wrapped by a key derived from the passphrase and, separately,
by the recovery key. A key-check value tells a wrong passphrase apart from damaged data.
Sharing uses X25519: an entry's key is sealed for the recipient's public key.
"""

from __future__ import annotations

import base64
import hmac
import os
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from bowlby.errors import DamagedData, WrongPassphrase

FORMAT_VERSION = 1
KEY_BYTES = 32
NONCE_BYTES = 12
KEY_ID_BYTES = 4
_HEADER_BYTES = 1 + KEY_ID_BYTES + NONCE_BYTES
_TAG_BYTES = 16


@dataclass(frozen=True)
class KdfParams:
    """Argon2id costs and salt, stored with each profile so they can grow over the years."""

    salt: bytes
    time_cost: int
    memory_kib: int
    parallelism: int

    @classmethod
    def fresh(cls, time_cost: int, memory_kib: int, parallelism: int) -> KdfParams:
        return cls(os.urandom(16), time_cost, memory_kib, parallelism)


@dataclass(frozen=True)
class WrappedKey:
    """A data key sealed under a key-encryption key, with the check value of that key."""

    check: bytes
    sealed: bytes


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def _hkdf(material: bytes, info: bytes, length: int = KEY_BYTES) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(material)


def key_id(key: bytes) -> bytes:
    """A short, one-way name for a key, so a field says which key sealed it."""
    return _hkdf(key, b"bowlby key id", KEY_ID_BYTES)


def field_aad(table: str, column: str, row_id: str) -> bytes:
    return f"bowlby|{table}|{column}|{row_id}".encode()


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    header = bytes([FORMAT_VERSION]) + key_id(key) + nonce
    return header + AESGCM(key).encrypt(nonce, plaintext, header + aad)


def open_sealed(key: bytes, blob: bytes, aad: bytes) -> bytes:
    """Open a sealed field; any mismatch is damaged data, never silently wrong text."""
    if len(blob) < _HEADER_BYTES + _TAG_BYTES or blob[0] != FORMAT_VERSION:
        raise DamagedData("An encrypted field is damaged or from an unknown format version.")
    header, body = blob[:_HEADER_BYTES], blob[_HEADER_BYTES:]
    sealed_by = header[1 : 1 + KEY_ID_BYTES]
    if not hmac.compare_digest(sealed_by, key_id(key)):
        raise DamagedData(
            f"An encrypted field was sealed with key {sealed_by.hex()}, which this profile "
            f"does not hold (it tried key {key_id(key).hex()})."
        )
    try:
        return AESGCM(key).decrypt(header[1 + KEY_ID_BYTES :], body, header + aad)
    except InvalidTag as error:
        raise DamagedData("An encrypted field failed its integrity check.") from error


def derive_passphrase_key(passphrase: str, params: KdfParams) -> bytes:
    if not passphrase:
        raise WrongPassphrase("The passphrase is empty.")
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        params.salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def wrap_key(data_key: bytes, master: bytes, aad: bytes) -> WrappedKey:
    """Seal the data key under a key derived from ``master`` and note that key's check value."""
    kek = _hkdf(master, b"bowlby key encryption")
    return WrappedKey(check=_hkdf(master, b"bowlby key check", 16), sealed=seal(kek, data_key, aad))


def unwrap_key(wrapped: WrappedKey, master: bytes, aad: bytes, what: str = "passphrase") -> bytes:
    """Open a wrapped data key: a check mismatch means the secret is wrong, not the data."""
    if not hmac.compare_digest(wrapped.check, _hkdf(master, b"bowlby key check", 16)):
        raise WrongPassphrase(f"That {what} is not right. Nothing was changed.")
    return open_sealed(_hkdf(master, b"bowlby key encryption"), wrapped.sealed, aad)


def new_recovery_key() -> tuple[str, bytes]:
    """A recovery key shown once as groups of letters and digits, and its bytes."""
    raw = os.urandom(20)
    text = base64.b32encode(raw).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4)), raw


def parse_recovery_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    try:
        raw = base64.b32decode(cleaned)
    except ValueError as error:
        raise WrongPassphrase("That recovery key is not in the form it was shown in.") from error
    if len(raw) != 20:
        raise WrongPassphrase("That recovery key has the wrong length.")
    return raw


def new_key_pair() -> tuple[bytes, bytes]:
    """(private, public) X25519 key bytes for receiving shared entries."""
    private = X25519PrivateKey.generate()
    return private.private_bytes_raw(), private.public_key().public_bytes_raw()


def seal_for_recipient(public_key: bytes, secret: bytes, aad: bytes) -> bytes:
    """Seal a secret for the holder of ``public_key`` (ephemeral X25519, HKDF, AES-GCM)."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_key))
    key = _hkdf(shared + ephemeral_public + public_key, b"bowlby share")
    return ephemeral_public + seal(key, secret, aad)


def open_from_sender(private_key: bytes, blob: bytes, aad: bytes) -> bytes:
    if len(blob) <= 32:
        raise DamagedData("A shared key is damaged.")
    private = X25519PrivateKey.from_private_bytes(private_key)
    ephemeral_public, sealed = blob[:32], blob[32:]
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    except ValueError as error:  # a low-order point: the sender's key bytes are damaged
        raise DamagedData("A shared key is damaged.") from error
    own_public = private.public_key().public_bytes_raw()
    return open_sealed(_hkdf(shared + ephemeral_public + own_public, b"bowlby share"), sealed, aad)
