from enum import StrEnum


class EmailCheckStatus(StrEnum):
    CONFIRMED = "confirmed"
    SENT = "sent"
    SUPERSEDED = "superseded"

    def __str__(self) -> str:
        return str(self.value)
