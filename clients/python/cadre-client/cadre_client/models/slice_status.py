from enum import StrEnum


class SliceStatus(StrEnum):
    NONE = "none"
    PROBATION = "probation"
    QUALIFIED = "qualified"
    SUSPENDED = "suspended"

    def __str__(self) -> str:
        return str(self.value)
