from enum import StrEnum


class ItemResolution(StrEnum):
    ADJUDICATION = "adjudication"
    AGREEMENT = "agreement"
    DISAGREEMENT = "disagreement"

    def __str__(self) -> str:
        return str(self.value)
