from enum import StrEnum


class ListShiftsStatus(StrEnum):
    CANCELLED = "cancelled"
    CONFIRMED = "confirmed"
    DECLINED = "declined"
    EXPIRED = "expired"
    OFFERED = "offered"

    def __str__(self) -> str:
        return str(self.value)
