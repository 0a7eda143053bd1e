from enum import StrEnum


class AppealDecision(StrEnum):
    OVERTURN = "overturn"
    UPHOLD = "uphold"

    def __str__(self) -> str:
        return str(self.value)
