from enum import StrEnum


class ExceptionKind(StrEnum):
    EXTRA_HOURS = "extra_hours"
    TIME_OFF = "time_off"

    def __str__(self) -> str:
        return str(self.value)
