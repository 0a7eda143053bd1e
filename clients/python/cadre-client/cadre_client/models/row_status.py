from enum import StrEnum


class RowStatus(StrEnum):
    CONFLICT = "conflict"
    CREATED = "created"
    EXISTS = "exists"
    INVALID = "invalid"

    def __str__(self) -> str:
        return str(self.value)
