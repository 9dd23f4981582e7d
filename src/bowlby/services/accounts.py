"""Profiles and their keys: create, unlock, change the passphrase, recover, delete."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from pydantic import TypeAdapter

from bowlby import models
from bowlby.errors import Conflict, InputError
from bowlby.services.sharing import share_pending_entries
from bowlby.settings import Settings
from bowlby.store import encryption as enc
from bowlby.store import profiles as profile_rows
from bowlby.store.engine import Store
from bowlby.store.tables import ProfileRow

MIN_PASSPHRASE_CHARS = 8
_NAME_ADAPTER: TypeAdapter[str] = TypeAdapter(models.ProfileName)


def create_profile(
    store: Store,
    settings: Settings,
    name: str,
    passphrase: str,
    role: models.Role = models.Role.PERSON,
) -> models.NewProfile:
    """Create a profile with fresh keys; the recovery key in the result is shown only once."""
    name = valid_name(name)
    check_new_passphrase(passphrase)
    row, _, recovery_key = build_profile(settings, name, passphrase, role)
    with store.unit_of_work() as session:
        if profile_rows.profile_name_taken(session, name):
            raise Conflict(f"A profile called '{name}' already exists. Choose another name.")
        session.add(row)
    return models.NewProfile(profile=profile_info(row), recovery_key=recovery_key)


def unlock_profile(store: Store, name: str, passphrase: str) -> models.Keyring:
    """Check the passphrase and return the keys; a wrong one changes nothing."""
    with store.unit_of_work() as session:
        row = profile_rows.find_profile(session, name)
        master = enc.derive_passphrase_key(passphrase, kdf_params(row))
        data_key = enc.unwrap_key(_passphrase_wrap(row), master, _aad(row, "wrapped_data_key"))
        keyring = _keyring(row, data_key)
    share_pending_entries(store, keyring)
    return keyring


def change_passphrase(store: Store, settings: Settings, name: str, current: str, new: str) -> None:
    """Rewrap the data key under the new passphrase; the data itself is not touched."""
    check_new_passphrase(new)
    keyring = unlock_profile(store, name, current)
    with store.unit_of_work() as session:
        _rewrap(profile_rows.get_profile(session, keyring.profile_id), settings, keyring, new)
    store.reclaim_space()


def reset_passphrase(
    store: Store, settings: Settings, name: str, recovery_key: str, new: str
) -> None:
    """Set a new passphrase with the recovery key, when the old one is forgotten."""
    check_new_passphrase(new)
    raw = enc.parse_recovery_key(recovery_key)
    with store.unit_of_work() as session:
        row = profile_rows.find_profile(session, name)
        wrapped = enc.WrappedKey(row.recovery_check, row.recovery_wrapped_data_key)
        data_key = enc.unwrap_key(
            wrapped, raw, _aad(row, "recovery_wrapped_data_key"), what="recovery key"
        )
        _rewrap(row, settings, _keyring(row, data_key), new)
    store.reclaim_space()


def delete_profile(store: Store, name: str, passphrase: str) -> None:
    """Delete the profile and everything it owns, for good."""
    keyring = unlock_profile(store, name, passphrase)
    with store.unit_of_work() as session:
        profile_rows.delete_profile_row(session, keyring.profile_id)
    store.reclaim_space()


def list_profiles(store: Store) -> list[models.ProfileInfo]:
    with store.unit_of_work() as session:
        return [profile_info(row) for row in profile_rows.list_profiles(session)]


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise InputError(
            f"A passphrase needs at least {MIN_PASSPHRASE_CHARS} characters; "
            "a few unrelated words are easy to remember and hard to guess.",
            field="passphrase",
        )


def profile_info(row: ProfileRow) -> models.ProfileInfo:
    return models.ProfileInfo(
        id=row.id, name=row.name, role=models.Role(row.role), created_at=row.created_at
    )


def kdf_params(row: ProfileRow) -> enc.KdfParams:
    return enc.KdfParams(row.kdf_salt, row.kdf_time_cost, row.kdf_memory_kib, row.kdf_parallelism)


def valid_name(name: str) -> str:
    try:
        return _NAME_ADAPTER.validate_python(name)
    except ValueError as error:
        raise InputError(
            "a profile name is 1 to 80 letters, digits, spaces, dots, apostrophes or dashes.",
            field="name",
        ) from error


def build_profile(
    settings: Settings,
    name: str,
    passphrase: str,
    role: models.Role,
    created_at: datetime | None = None,
) -> tuple[ProfileRow, models.Keyring, str]:
    """A new profile row with fresh keys, its keyring and the recovery key text."""
    data_key = enc.new_key()
    private_key, public_key = enc.new_key_pair()
    recovery_text, recovery_raw = enc.new_recovery_key()
    row = ProfileRow(
        id=str(uuid.uuid4()),
        name=name,
        role=role.value,
        created_at=created_at or datetime.now(UTC),
        public_key=public_key,
    )
    recovery = enc.wrap_key(data_key, recovery_raw, _aad(row, "recovery_wrapped_data_key"))
    row.recovery_check, row.recovery_wrapped_data_key = recovery.check, recovery.sealed
    row.sealed_private_key = enc.seal(data_key, private_key, _aad(row, "sealed_private_key"))
    keyring = models.Keyring(row.id, name, role, data_key, private_key)
    _rewrap(row, settings, keyring, passphrase)
    return row, keyring, recovery_text


def _rewrap(row: ProfileRow, settings: Settings, keyring: models.Keyring, passphrase: str) -> None:
    params = enc.KdfParams.fresh(
        settings.kdf_time_cost, settings.kdf_memory_kib, settings.kdf_parallelism
    )
    master = enc.derive_passphrase_key(passphrase, params)
    wrapped = enc.wrap_key(keyring.data_key, master, _aad(row, "wrapped_data_key"))
    row.kdf_salt, row.kdf_time_cost = params.salt, params.time_cost
    row.kdf_memory_kib, row.kdf_parallelism = params.memory_kib, params.parallelism
    row.key_check, row.wrapped_data_key = wrapped.check, wrapped.sealed


def _passphrase_wrap(row: ProfileRow) -> enc.WrappedKey:
    return enc.WrappedKey(row.key_check, row.wrapped_data_key)


def _keyring(row: ProfileRow, data_key: bytes) -> models.Keyring:
    private_key = enc.open_sealed(data_key, row.sealed_private_key, _aad(row, "sealed_private_key"))
    return models.Keyring(row.id, row.name, models.Role(row.role), data_key, private_key)


def _aad(row: ProfileRow, column: str) -> bytes:
    return enc.field_aad("profiles", column, row.id)
