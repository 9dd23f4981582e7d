"""entries indexed by owner, kind and time

Every page lists one person's entries of a few kinds over a window of time. With the three
single-column indexes alone, SQLite walked all of a person's entries for each such list (about
10 ms each with five years of daily records); these compound indexes answer them directly.

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_entries_owner_kind_time", "entries", ["owner_id", "kind", "occurred_at"])
    op.create_index("ix_entries_owner_time", "entries", ["owner_id", "occurred_at"])


def downgrade() -> None:
    op.drop_index("ix_entries_owner_time", table_name="entries")
    op.drop_index("ix_entries_owner_kind_time", table_name="entries")
