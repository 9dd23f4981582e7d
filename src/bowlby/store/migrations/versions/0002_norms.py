"""norms files loaded for percentiles and reliable change

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "norms",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("instrument_id", sa.String(length=20), nullable=False),
        sa.Column("population", sa.String(length=400), nullable=False),
        sa.Column("source", sa.String(length=2000), nullable=False),
        sa.Column("document", sa.String(), nullable=False),
        sa.Column("document_kind", sa.String(length=8), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("norms", schema=None) as batch_op:
        batch_op.create_index("ix_norms_instrument_id", ["instrument_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("norms", schema=None) as batch_op:
        batch_op.drop_index("ix_norms_instrument_id")
    op.drop_table("norms")
