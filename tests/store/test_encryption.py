"""Field encryption: round trips, tampering, wrong keys and passphrases, golden ciphertexts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bowlby.errors import DamagedData, WrongPassphrase
from bowlby.store import encryption as enc

GOLDEN = json.loads(
    (Path(__file__).with_name("golden") / "ciphertexts.json").read_text(encoding="utf-8")
)
CHEAP = {"time_cost": 1, "memory_kib": 64, "parallelism": 1}
KEY = bytes(range(32))
AAD = enc.field_aad("entries", "sealed_text", "row-1")

row_ids = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


def flip_bit(blob: bytes, bit: int) -> bytes:
    damaged = bytearray(blob)
    damaged[bit // 8] ^= 1 << (bit % 8)
    return bytes(damaged)


# --- seal / open ---------------------------------------------------------------------------


@given(plaintext=st.binary(max_size=2048), aad=st.binary(max_size=200))
def test_seal_then_open_gives_the_plaintext_back(plaintext, aad):
    assert enc.open_sealed(KEY, enc.seal(KEY, plaintext, aad), aad) == plaintext


def test_the_same_plaintext_seals_differently_each_time():
    assert enc.seal(KEY, b"same", AAD) != enc.seal(KEY, b"same", AAD)


def test_a_sealed_field_describes_itself():
    blob = enc.seal(KEY, b"text", AAD)
    assert blob[0] == enc.FORMAT_VERSION
    assert blob[1 : 1 + enc.KEY_ID_BYTES] == enc.key_id(KEY)
    assert len(blob) == 1 + enc.KEY_ID_BYTES + enc.NONCE_BYTES + len(b"text") + 16


@given(row_a=row_ids, row_b=row_ids)
def test_a_field_moved_to_another_row_does_not_open(row_a, row_b):
    if row_a == row_b:
        return
    blob = enc.seal(KEY, b"secret", enc.field_aad("entries", "sealed_text", row_a))
    with pytest.raises(DamagedData):
        enc.open_sealed(KEY, blob, enc.field_aad("entries", "sealed_text", row_b))


@pytest.mark.parametrize(
    ("table", "column"),
    [("entries", "sealed_key"), ("profiles", "sealed_text"), ("entry_shares", "sealed_text")],
    ids=["another-column", "another-table", "another-table-same-column"],
)
def test_a_field_moved_to_another_column_or_table_does_not_open(table, column):
    blob = enc.seal(KEY, b"secret", enc.field_aad("entries", "sealed_text", "row-1"))
    with pytest.raises(DamagedData):
        enc.open_sealed(KEY, blob, enc.field_aad(table, column, "row-1"))


@given(plaintext=st.binary(max_size=256), data=st.data())
def test_a_flipped_bit_anywhere_is_damaged_data(plaintext, data):
    blob = enc.seal(KEY, plaintext, AAD)
    bit = data.draw(st.integers(0, len(blob) * 8 - 1), label="bit")
    with pytest.raises(DamagedData):
        enc.open_sealed(KEY, flip_bit(blob, bit), AAD)


@given(plaintext=st.binary(max_size=64), data=st.data())
def test_a_cut_short_field_is_damaged_data(plaintext, data):
    blob = enc.seal(KEY, plaintext, AAD)
    keep = data.draw(st.integers(0, len(blob) - 1), label="keep")
    with pytest.raises(DamagedData):
        enc.open_sealed(KEY, blob[:keep], AAD)


def test_an_unknown_format_version_is_damaged_data():
    blob = enc.seal(KEY, b"text", AAD)
    with pytest.raises(DamagedData, match="unknown format version"):
        enc.open_sealed(KEY, bytes([2]) + blob[1:], AAD)


def test_a_wrong_key_is_damaged_data_naming_the_key_that_sealed_it():
    other = enc.new_key()
    blob = enc.seal(KEY, b"text", AAD)
    with pytest.raises(DamagedData) as raised:
        enc.open_sealed(other, blob, AAD)
    assert enc.key_id(KEY).hex() in raised.value.message
    assert "key" in raised.value.message


def test_key_ids_are_short_stable_and_differ_between_keys():
    assert len(enc.key_id(KEY)) == enc.KEY_ID_BYTES
    assert enc.key_id(KEY) == enc.key_id(bytes(KEY))
    assert enc.key_id(KEY) != enc.key_id(enc.new_key())


# --- passphrases and wrapped keys ----------------------------------------------------------


@pytest.fixture(scope="module")
def wrapped():
    params = enc.KdfParams.fresh(**CHEAP)
    data_key = enc.new_key()
    aad = enc.field_aad("profiles", "wrapped_data_key", "p-1")
    master = enc.derive_passphrase_key("right passphrase", params)
    return params, data_key, aad, enc.wrap_key(data_key, master, aad)


def test_the_right_passphrase_unwraps_the_data_key(wrapped):
    params, data_key, aad, sealed = wrapped
    master = enc.derive_passphrase_key("right passphrase", params)
    assert enc.unwrap_key(sealed, master, aad) == data_key


@pytest.mark.parametrize(
    "passphrase", ["wrong passphrase", "Right passphrase", "right passphrase "]
)
def test_a_wrong_passphrase_is_wrong_passphrase(wrapped, passphrase):
    params, _, aad, sealed = wrapped
    master = enc.derive_passphrase_key(passphrase, params)
    with pytest.raises(WrongPassphrase, match="passphrase is not right"):
        enc.unwrap_key(sealed, master, aad)


def test_an_empty_passphrase_is_wrong_passphrase(wrapped):
    with pytest.raises(WrongPassphrase):
        enc.derive_passphrase_key("", wrapped[0])


@pytest.mark.parametrize("bit", [0, 9, 60, 200, -1])
def test_a_damaged_wrapped_key_with_the_right_passphrase_is_damaged_data(wrapped, bit):
    params, _, aad, sealed = wrapped
    bit = bit % (len(sealed.sealed) * 8)
    damaged = enc.WrappedKey(sealed.check, flip_bit(sealed.sealed, bit))
    master = enc.derive_passphrase_key("right passphrase", params)
    with pytest.raises(DamagedData):
        enc.unwrap_key(damaged, master, aad)


def test_the_kdf_salt_and_costs_change_the_key():
    params = enc.KdfParams.fresh(**CHEAP)
    base = enc.derive_passphrase_key("same passphrase", params)
    for changed in (
        enc.KdfParams(enc.KdfParams.fresh(**CHEAP).salt, 1, 64, 1),
        enc.KdfParams(params.salt, 2, 64, 1),
        enc.KdfParams(params.salt, 1, 128, 1),
    ):
        assert enc.derive_passphrase_key("same passphrase", changed) != base


# --- recovery keys -------------------------------------------------------------------------


def test_a_recovery_key_is_shown_in_groups_and_parses_back():
    for _ in range(50):
        text, raw = enc.new_recovery_key()
        groups = text.split("-")
        assert len(groups) == 8
        assert all(len(group) == 4 for group in groups)
        assert enc.parse_recovery_key(text) == raw


@pytest.mark.parametrize(
    "typed",
    [
        lambda text: text.lower(),
        lambda text: text.replace("-", ""),
        lambda text: text.replace("-", " "),
        lambda text: f"  {text.lower().replace('-', '')}\n",
        lambda text: text.replace("-", "").swapcase(),
    ],
    ids=["lower-case", "no-dashes", "spaces", "padded-lower-no-dashes", "mixed-case"],
)
def test_a_recovery_key_typed_loosely_still_parses(typed):
    text, raw = enc.new_recovery_key()
    assert enc.parse_recovery_key(typed(text)) == raw


@pytest.mark.parametrize(
    "typed",
    ["", "ABCD-EFGH", "1111-1111-1111-1111-1111-1111-1111-1111", "ABCD" * 10],
    ids=["empty", "too-short", "not-base32", "too-long"],
)
def test_a_malformed_recovery_key_is_refused_as_a_wrong_secret(typed):
    with pytest.raises(WrongPassphrase):
        enc.parse_recovery_key(typed)


def test_a_recovery_key_wraps_and_a_different_one_is_wrong():
    _, raw = enc.new_recovery_key()
    _, other = enc.new_recovery_key()
    data_key, aad = enc.new_key(), enc.field_aad("profiles", "recovery_wrapped_data_key", "p")
    wrapped = enc.wrap_key(data_key, raw, aad)
    assert enc.unwrap_key(wrapped, raw, aad, what="recovery key") == data_key
    with pytest.raises(WrongPassphrase, match="recovery key"):
        enc.unwrap_key(wrapped, other, aad, what="recovery key")


# --- sealing for a recipient ---------------------------------------------------------------


@given(secret=st.binary(max_size=128), aad=st.binary(max_size=100))
def test_a_secret_sealed_for_a_recipient_opens_with_their_private_key(secret, aad):
    private_key, public_key = enc.new_key_pair()
    blob = enc.seal_for_recipient(public_key, secret, aad)
    assert enc.open_from_sender(private_key, blob, aad) == secret


def test_another_private_key_cannot_open_a_sealed_secret():
    _, public_key = enc.new_key_pair()
    stranger, _ = enc.new_key_pair()
    blob = enc.seal_for_recipient(public_key, b"entry key", AAD)
    with pytest.raises(DamagedData):
        enc.open_from_sender(stranger, blob, AAD)


def test_a_sealed_secret_bound_to_one_share_does_not_open_for_another():
    private_key, public_key = enc.new_key_pair()
    blob = enc.seal_for_recipient(public_key, b"entry key", b"share e1:r1")
    with pytest.raises(DamagedData):
        enc.open_from_sender(private_key, blob, b"share e2:r1")


@given(data=st.data())
def test_a_flipped_bit_in_a_recipient_sealed_secret_is_damaged_data(data):
    private_key, public_key = enc.new_key_pair()
    blob = enc.seal_for_recipient(public_key, b"entry key", AAD)
    bit = data.draw(st.integers(0, len(blob) * 8 - 1), label="bit")
    with pytest.raises(DamagedData):
        enc.open_from_sender(private_key, flip_bit(blob, bit), AAD)


@pytest.mark.parametrize("keep", [0, 31, 32, 33, 60])
def test_a_cut_short_recipient_sealed_secret_is_damaged_data(keep):
    private_key, public_key = enc.new_key_pair()
    blob = enc.seal_for_recipient(public_key, b"entry key", AAD)
    with pytest.raises(DamagedData):
        enc.open_from_sender(private_key, blob[:keep], AAD)


def test_a_recipient_sealed_secret_with_a_degenerate_sender_key_is_damaged_data():
    """An all-zero (low-order) ephemeral key makes X25519 fail; that is damage, not a crash."""
    private_key, public_key = enc.new_key_pair()
    blob = enc.seal_for_recipient(public_key, b"entry key", AAD)
    with pytest.raises(DamagedData):
        enc.open_from_sender(private_key, bytes(32) + blob[32:], AAD)


# --- golden ciphertexts: written once, must open forever ------------------------------------


def test_the_golden_values_are_of_the_current_format():
    assert GOLDEN["format_version"] == enc.FORMAT_VERSION


@pytest.mark.parametrize("field", GOLDEN["fields"], ids=lambda field: field["row_id"][:8])
def test_golden_fields_still_open(field):
    key, blob = bytes.fromhex(field["key"]), bytes.fromhex(field["blob"])
    aad = enc.field_aad(field["table"], field["column"], field["row_id"])
    assert aad == field["aad"].encode("utf-8")
    assert enc.key_id(key).hex() == field["key_id"]
    assert enc.open_sealed(key, blob, aad).decode("utf-8") == field["plaintext"]


def test_the_golden_wrapped_key_opens_with_its_passphrase_and_stored_costs():
    golden = GOLDEN["wrapped_key"]
    kdf = golden["kdf"]
    params = enc.KdfParams(
        bytes.fromhex(kdf["salt"]), kdf["time_cost"], kdf["memory_kib"], kdf["parallelism"]
    )
    master = enc.derive_passphrase_key(golden["passphrase"], params)
    assert master.hex() == golden["derived_key"]
    wrapped = enc.WrappedKey(bytes.fromhex(golden["check"]), bytes.fromhex(golden["sealed"]))
    aad = golden["aad"].encode("utf-8")
    assert enc.unwrap_key(wrapped, master, aad).hex() == golden["data_key"]
    with pytest.raises(WrongPassphrase):
        enc.unwrap_key(wrapped, enc.derive_passphrase_key("not it at all", params), aad)


def test_the_golden_recovery_wrapped_key_opens_with_its_recovery_key():
    golden = GOLDEN["recovery_wrapped_key"]
    raw = enc.parse_recovery_key(golden["recovery_key"].lower().replace("-", ""))
    wrapped = enc.WrappedKey(bytes.fromhex(golden["check"]), bytes.fromhex(golden["sealed"]))
    data_key = enc.unwrap_key(wrapped, raw, golden["aad"].encode("utf-8"), what="recovery key")
    assert data_key.hex() == golden["data_key"]


def test_the_golden_recipient_sealed_secret_opens_with_its_private_key():
    golden = GOLDEN["recipient_sealed"]
    private_key = bytes.fromhex(golden["private_key"])
    secret = enc.open_from_sender(
        private_key, bytes.fromhex(golden["blob"]), golden["aad"].encode("utf-8")
    )
    assert secret.hex() == golden["secret"]
