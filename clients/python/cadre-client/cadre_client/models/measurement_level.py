from enum import StrEnum


class MeasurementLevel(StrEnum):
    INTERVAL = "interval"
    NOMINAL = "nominal"
    ORDINAL = "ordinal"

    def __str__(self) -> str:
        return str(self.value)
