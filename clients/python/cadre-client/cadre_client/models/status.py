from enum import StrEnum


class Status(StrEnum):
    APPROVED = "approved"
    DISPUTED = "disputed"
    OPEN = "open"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
