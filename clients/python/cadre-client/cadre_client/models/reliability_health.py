from enum import StrEnum


class ReliabilityHealth(StrEnum):
    CORRECTIVE = "corrective"
    HEALTHY = "healthy"
    INSUFFICIENT_DATA = "insufficient_data"
    WARNING = "warning"

    def __str__(self) -> str:
        return str(self.value)
