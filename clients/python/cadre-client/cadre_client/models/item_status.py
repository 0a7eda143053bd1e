from enum import StrEnum


class ItemStatus(StrEnum):
    ADJUDICATING = "adjudicating"
    ASSIGNED = "assigned"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    OVERDUE = "overdue"
    QUEUED = "queued"
    RESOLVED = "resolved"

    def __str__(self) -> str:
        return str(self.value)
