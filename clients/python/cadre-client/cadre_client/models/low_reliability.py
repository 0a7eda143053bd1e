from enum import StrEnum


class LowReliability(StrEnum):
    CORRECTIVE = "corrective"
    WARNING = "warning"

    def __str__(self) -> str:
        return str(self.value)
