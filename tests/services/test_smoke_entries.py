from datetime import UTC, datetime

from bowlby import models
from bowlby.services import entries


def test_an_entry_reads_back_as_written(store, make_profile):
    alex = make_profile("Alex")
    draft = models.EntryDraft(occurred_at=datetime.now(UTC), text={"body": "hello"})
    written = entries.write_entry(store, alex, draft)
    assert entries.read_entry(store, alex, written.id).text == {"body": "hello"}
