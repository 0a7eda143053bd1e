from enum import StrEnum


class WorkStatus(StrEnum):
    ACCEPTED = "accepted"
    CANCELLED = "cancelled"
    DECLINED = "declined"
    EXPIRED = "expired"
    OFFERED = "offered"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
