"""Server-rendered pages that work without JavaScript; one module per area of the app."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form

FormText = Annotated[str, Form()]
FormFlag = Annotated[bool, Form()]
